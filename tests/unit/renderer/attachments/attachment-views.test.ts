import { describe, expect, it } from 'vitest';
import type { Ticket, TicketAttachment } from '../../../../shared/domain/ticket';
import { problemText } from '../../../../renderer/features/attachments/attach-problems';
import { formatFileSize } from '../../../../renderer/features/attachments/file-size';
import {
  prepareFile,
  screenshotStamp,
} from '../../../../renderer/features/attachments/prepare-files';
import { buildTimeline } from '../../../../renderer/features/ticket/timeline-view-model';

const RU_UNITS = { B: 'байт', KB: 'КБ', MB: 'МБ', GB: 'ГБ' };
const EN_UNITS = { B: 'bytes', KB: 'KB', MB: 'MB', GB: 'GB' };
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const screenshotBase = (at: Date) => {
  const { date, time } = screenshotStamp(at);
  return `Снимок экрана ${date} ${time}`;
};
// 2026-12-07 14:05:09 on this computer's clock (Date's local fields, whatever the zone).
const PASTED_AT = new Date(2026, 11, 7, 14, 5, 9);

describe('formatFileSize: RU and EN units', () => {
  it.each([
    [0, 'ru', '0 байт'],
    [1023, 'ru', '1023 байт'],
    [1024, 'ru', '1 КБ'],
    // One decimal below 10 of a unit, whole numbers above: 9,5 КБ but 16 КБ.
    [9_728, 'ru', '9,5 КБ'],
    [15_872, 'ru', '16 КБ'],
    [340 * 1024, 'ru', '340 КБ'],
    [1.25 * 1024 ** 2, 'ru', '1,3 МБ'],
    [25 * 1024 ** 2, 'ru', '25 МБ'],
    [2 * 1024 ** 3, 'ru', '2 ГБ'],
    [9_728, 'en', '9.5 KB'],
    [25 * 1024 ** 2, 'en', '25 MB'],
    [12, 'en', '12 bytes'],
  ])('%d bytes in %s → %s', (bytes, language, text) => {
    expect(formatFileSize(bytes, language, language === 'en' ? EN_UNITS : RU_UNITS)).toBe(text);
  });
});

describe('prepareFile: the type from the content, the name sanitized', () => {
  it('a pasted bitmap (Chromium names it image.png) is named after the moment it was pasted', async () => {
    const pasted = new File([PNG], 'image.png', { type: 'image/png' });
    expect(await prepareFile(pasted, 'paste', screenshotBase, PASTED_AT)).toMatchObject({
      name: 'Снимок экрана 2026-12-07 14.05.png',
      type: 'image/png',
    });
  });

  it('a pasted file that has a real name keeps it', async () => {
    const copied = new File([PNG], 'этикетка.png');
    expect((await prepareFile(copied, 'paste', screenshotBase, PASTED_AT))?.name).toBe(
      'этикетка.png',
    );
  });

  it('a picked file named .png that holds HTML is HTML (never drawn), whatever its name says', async () => {
    const page = new File(['<html><script>alert(1)</script>'], 'error.png', { type: 'image/png' });
    expect(await prepareFile(page, 'pick', screenshotBase)).toMatchObject({
      name: 'error.png',
      type: 'text/html',
    });
  });

  it('a hostile name from a letter loses its path and its direction override', async () => {
    const file = new File(['log'], '..\\..\\Windows\\photo\u202egpj.exe');
    expect((await prepareFile(file, 'letter', screenshotBase))?.name).toBe('photogpj.exe');
  });

  it('a file that cannot be read any more is reported, not attached half', async () => {
    const vanished = {
      name: 'gone.txt',
      size: 10,
      slice: () => ({ arrayBuffer: () => Promise.reject(new Error('NotReadableError')) }),
    } as unknown as File;
    expect(await prepareFile(vanished, 'pick', screenshotBase)).toBeNull();
  });
});

describe('problemText: a refused file in words with its numbers', () => {
  const t = (key: string, values: Record<string, string>) => `${key} ${JSON.stringify(values)}`;
  const size = (bytes: number) => formatFileSize(bytes, 'ru', RU_UNITS);

  it('over the limit names the file, its size and the limit', () => {
    const text = problemText(
      {
        key: '1',
        name: 'дамп.zip',
        code: 'too_large',
        sizeBytes: 31 * 1024 ** 2,
        limitBytes: 25 * 1024 ** 2,
        neededBytes: null,
        freeBytes: null,
      },
      t,
      size,
    );
    expect(text).toContain('attachments.problems.too_large');
    expect(text).toContain('"size":"31 МБ"');
    expect(text).toContain('"limit":"25 МБ"');
  });

  it('device full names what is needed, what is free and the quota', () => {
    const text = problemText(
      {
        key: '2',
        name: 'фото.jpg',
        code: 'quota',
        sizeBytes: 3 * 1024 ** 2,
        limitBytes: 2 * 1024 ** 3,
        neededBytes: 3 * 1024 ** 2,
        freeBytes: 512 * 1024,
      },
      t,
      size,
    );
    expect(text).toContain('"needed":"3 МБ"');
    expect(text).toContain('"free":"512 КБ"');
    expect(text).toContain('"limit":"2 ГБ"');
  });
});

describe('buildTimeline: attached and removed files', () => {
  const file: TicketAttachment = {
    commandId: 'c-attach',
    author: 'Андреев Павел',
    authorId: 'andreev',
    at: '2026-12-07T07:05:00Z',
    sha256: 'a'.repeat(64),
    name: 'registratura.log',
    type: 'text/plain',
    size: 269,
    removed: {
      commandId: 'c-detach',
      author: 'Белова Марина',
      authorId: 'belova',
      at: '2026-12-07T08:00:00Z',
    },
  };
  const ticket = {
    id: 't-1',
    createdAt: '2026-12-07T06:00:00Z',
    events: [],
    comments: [],
    workLogs: [],
    assignments: [],
    attachments: [file],
  } satisfies Partial<Ticket>;

  it('one line when attached, one when removed, each with its author and time', () => {
    const me = { id: 'andreev', name: 'Андреев Павел', checkedAt: '2026-12-07T06:00:00Z' };
    const lines = buildTimeline(ticket, new Set(['c-detach']), me).filter(
      (line) => line.kind === 'attachment',
    );
    expect(lines).toEqual([
      expect.objectContaining({
        change: 'attached',
        name: 'registratura.log',
        size: 269,
        at: '2026-12-07T07:05:00Z',
        byMe: true,
        pending: false,
      }),
      expect.objectContaining({
        change: 'detached',
        author: 'Белова Марина',
        at: '2026-12-07T08:00:00Z',
        byMe: false,
        pending: true,
      }),
    ]);
  });

  it('a ticket stored before attachments existed has no file lines', () => {
    const old = { ...ticket, attachments: undefined };
    expect(buildTimeline(old, new Set(), undefined).map((line) => line.kind)).toEqual(['created']);
  });
});
