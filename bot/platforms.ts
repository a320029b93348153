// The chat platforms the bot knows, in order of preference (README "Platforms": with both, WeCom
// comes first). Adding a platform is its folder bot/<platform>/ with an index.ts exporting a
// descriptor (bot/transport/platform-descriptor.ts), and one line here — or, for a test's fake
// platform, one `registerPlatform` call (test/support/fake-platform/).
import { dingtalkPlatform } from './dingtalk/index.js';
import { localPlatform } from './local/index.js';
import { platformNamesFrom, type PlatformNames } from '../domain/platform-names.js';
import type { AnyPlatformDescriptor } from './transport/platform-descriptor.js';
import { wecomPlatform } from './wecom/index.js';

const registered: AnyPlatformDescriptor[] = [wecomPlatform, dingtalkPlatform, localPlatform];

/** Every known platform, in order of preference. */
export function listPlatforms(): readonly AnyPlatformDescriptor[] {
  return registered;
}

/** The platform stored under `name`, or undefined for a name no platform has. */
export function findPlatform(name: string): AnyPlatformDescriptor | undefined {
  return registered.find((platform) => platform.name === name);
}

/**
 * Adds a platform after the built-in ones (a test's fake platform). Registering a name twice
 * replaces the first, so a test file may register in each setup.
 */
export function registerPlatform(platform: AnyPlatformDescriptor): void {
  const index = registered.findIndex((known) => known.name === platform.name);
  if (index >= 0) registered[index] = platform;
  else registered.push(platform);
}

/** What replies call each known platform (handlers get it in their context). */
export function platformNames(): PlatformNames {
  return platformNamesFrom(registered);
}
