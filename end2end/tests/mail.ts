import * as fs from 'fs';
import * as path from 'path';

/** A mail as the local SMTP sink stored it, decoded enough to read. */
export interface Mail { to: string; subject: string; body: string }

/** Quoted-printable to text (what lettre uses for non-ASCII bodies). */
function fromQuotedPrintable(text: string): string {
  const joined = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function parse(raw: string): Mail {
  const split = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, split);
  let body = raw.slice(split).trim();
  const header = (name: string) => (head.match(new RegExp(`^${name}: (.*(?:\\r?\\n[ \\t].*)*)`, 'mi'))?.[1] ?? '').trim();
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  if (encoding === 'quoted-printable') body = fromQuotedPrintable(body);
  if (encoding === 'base64') body = Buffer.from(body, 'base64').toString('utf8');
  return { to: header('X-RcptTo') || header('To'), subject: header('Subject'), body: body.replace(/\r\n/g, '\n') };
}

/** Every mail in the sink's Maildir (the test command sets MAILDIR). */
export function readMails(): Mail[] {
  const dir = process.env.MAILDIR!;
  return ['new', 'cur'].flatMap(sub => {
    const folder = path.join(dir, sub);
    if (!fs.existsSync(folder)) return [];
    return fs.readdirSync(folder).map(f => parse(fs.readFileSync(path.join(folder, f), 'utf8')));
  });
}

/** Waits until a mail to `to` arrives that `match` accepts, and returns it. */
export async function waitForMail(to: string, match: (m: Mail) => boolean, timeoutMs = 15_000): Promise<Mail> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const found = readMails().find(m => m.to.includes(to) && match(m));
    if (found) return found;
    await new Promise(r => setTimeout(r, 250));
  }
  throw new Error(`no mail to ${to} within ${timeoutMs} ms`);
}
