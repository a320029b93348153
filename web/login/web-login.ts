// How a platform's app signs a person in to the 看板 (docs/architecture.md "看板"): the web login knows
// only these two shapes; the platform calls behind them live in bot/wecom and bot/dingtalk.
// `exchange` turns a one-time code into the platform's account id, null when the platform refuses the code.
export type WebLogin =
  | {
      platform: 'wecom';
      /** WeCom 网页授权: the address that sends the person back to `redirectUri?code=…&state=…`. */
      authorizeUrl(redirectUri: string, state: string): string;
      exchange(code: string): Promise<string | null>;
    }
  | {
      platform: 'dingtalk';
      /** The corpId the page's `dd.runtime.permission.requestAuthCode` asks a code for (DingTalk 免登). */
      corpId: string;
      exchange(code: string): Promise<string | null>;
    };
