// Pixel comparison for chart tests: the share of pixels whose colour differs by more than `threshold`
// in any channel. Anti-aliasing differs a little between Skia builds; glyphs and missing-glyph boxes
// differ in a large share of the text's pixels.
import { createCanvas, loadImage } from '@napi-rs/canvas';

export async function decodePng(png: Buffer): Promise<{ width: number; height: number; data: Uint8ClampedArray }> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  return { width: image.width, height: image.height, data: context.getImageData(0, 0, image.width, image.height).data };
}

export async function differingShare(a: Buffer, b: Buffer, threshold = 64): Promise<number> {
  const [left, right] = await Promise.all([decodePng(a), decodePng(b)]);
  if (left.width !== right.width || left.height !== right.height) return 1;
  let differing = 0;
  for (let i = 0; i < left.data.length; i += 4) {
    const delta = Math.max(...[0, 1, 2, 3].map((channel) => Math.abs(left.data[i + channel]! - right.data[i + channel]!)));
    if (delta > threshold) differing += 1;
  }
  return differing / (left.width * left.height);
}
