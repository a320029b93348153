// What replies call each chat platform. The names are the platform registry's (bot/platforms.ts);
// handlers get them as this neutral value in their context, so no handler imports bot/ and no
// reply hard-codes a platform (docs/architecture.md "Platforms and accounts").

export interface PlatformNames {
  /** What people call the platform stored as `platform` (企业微信, 钉钉, 本地聊天…); the stored name for one no longer known. */
  nameOf(platform: string): string;
  /** The platforms whose directory 同步通讯录 reads, by what people call them, in order of preference. */
  readonly withDirectory: readonly string[];
}

/** Builds the lookup from the registry's entries. */
export function platformNamesFrom(platforms: readonly { name: string; displayName: string; readsDirectory?: boolean }[]): PlatformNames {
  const names = new Map(platforms.map((platform) => [platform.name, platform.displayName]));
  return {
    nameOf: (platform) => names.get(platform) ?? platform,
    withDirectory: platforms.filter((platform) => platform.readsDirectory).map((platform) => platform.displayName),
  };
}
