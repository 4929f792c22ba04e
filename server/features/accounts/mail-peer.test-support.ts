import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { parseMessage } from '../../test/mail-message.js';

/** A message the peer received. */
export interface Received {
  to: string[];
  subject: string;
  text: string;
}

/** A real SMTP peer on 127.0.0.1 (random port) that keeps what it receives, for the accounts tests. */
export async function startMailPeer() {
  const inbox: Received[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        inbox.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          ...parseMessage(Buffer.concat(chunks).toString('utf8')),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    inbox,
    /** The link of the last message sent to an address. */
    linkFor(email: string, page: string): string {
      const mail = inbox.filter((m) => m.to.includes(email)).at(-1);
      const link = mail?.text.match(new RegExp(`https?://\\S+${page}\\?token=\\S+`))?.[0];
      if (!link) throw new Error(`no ${page} link mailed to ${email}`);
      return link;
    },
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}
