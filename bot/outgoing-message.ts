// The one platform-neutral shape of what the bot sends. Each messenger (bot/<platform>/) turns
// it into its platform's API call; handlers never see a platform.

/** A task card (任务分送单): one approval item sent to one unit's agent. */
export interface TaskCard {
  taskId: number;
  title: string;
  /** Label/value lines, e.g. 项目, 事项, 企业, 报到期限. */
  fields: { label: string; value: string }[];
  /** Buttons shown while the card is open. */
  actions: { action: 'take' | 'finish' | 'return'; text: string }[];
}

export type OutgoingMessage =
  | { kind: 'text'; text: string }
  | { kind: 'markdown'; text: string }
  | { kind: 'card'; card: TaskCard }
  /**
   * Updates a card already sent to this recipient. With `card`, the card is replaced by that one
   * (its remaining buttons still work); without it, the buttons give way to the status line.
   */
  | { kind: 'card_update'; taskId: number; status: string; card?: TaskCard };
