// An outbox row's payload → the message its transport sends. A file or picture queued to many readers is
// stored once (prisma/outbox-file-store.ts) and named by id in each row; its bytes are read here, once per
// sender pass however many of the pass's rows name it, so every transport still gets base64 content.
import type { Db } from '../../prisma/open-database.js';
import type { OutgoingMessage, QueuedMessage } from '../../core/messages.js';
import { readOutboxFile } from '../../prisma/outbox-file-store.js';

export function readStoredFiles(prisma: Db): (payload: unknown) => Promise<OutgoingMessage> {
  const read = new Map<string, Promise<string>>();
  return async (payload) => {
    const message = payload as QueuedMessage;
    if (!('fileId' in message)) return message;
    let content = read.get(message.fileId);
    if (!content) {
      content = readOutboxFile(prisma, message.fileId).then((base64) => {
        if (base64 === null) throw new Error(`outbox file ${message.fileId} is gone`);
        return base64;
      });
      read.set(message.fileId, content);
      // A failed read is tried again by the row's next try, not answered from the cache.
      content.catch(() => read.delete(message.fileId));
    }
    return { kind: message.kind, name: message.name, content: await content };
  };
}
