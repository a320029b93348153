// Units are matched by name without a leading 市/县/区 (and 人民政府), so a catalogue written for
// one county matches any county's roster: 市自然资源局 = 自然资源局 = 县自然资源局.

/**
 * @example unitKey('县自然资源局') // '自然资源局'
 * @example unitKey('市人民政府办公室') // '办公室'
 */
export function unitKey(name: string): string {
  return name
    .replace(/\s+/g, '')
    .replace(/^[市县区]/, '')
    .replace(/^人民政府/, '');
}
