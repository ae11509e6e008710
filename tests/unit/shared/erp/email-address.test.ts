import { describe, expect, it } from 'vitest';
import { createPayload } from '@shared/erp/commands';
import { asciiDomain, emailProblem } from '@shared/erp/email-address';

// IDNA (UTS #46) facts the table relies on: "рф" is "xn--p1ai", "почта" is "xn--80a1acny",
// "испытание" is the IANA test TLD "xn--80akhbyknj4f"; IDNA lower-cases Cyrillic capitals.
describe('a reply address', () => {
  it.each([
    ['a plain ASCII address', 'it@pkc.ru'],
    ['a Cyrillic domain under .рф', 'ivanov@почта.рф'],
    ['a Cyrillic domain under a Cyrillic test TLD', 'info@пример.испытание'],
    ['a Cyrillic domain typed in capitals', 'ivanov@ПОЧТА.РФ'],
    ['a Cyrillic subdomain under an ASCII one', 'otdel@поддержка.example.ru'],
    ['a mailbox with dots, plus, underscore, apostrophe', "o'neil.ivan+desk_1@mail.ru"],
    ['a hyphen inside a label', 'a@my-host.co.uk'],
  ])('accepts %s: %s', (_, address) => {
    expect(emailProblem(address)).toBeNull();
  });

  it.each([
    ['no "@"', 'ivanov.pochta.rf', 'shape'],
    ['two "@"', 'ivanov@почта@рф', 'shape'],
    ['"@" doubled', 'ivanov@@почта.рф', 'shape'],
    ['nothing before "@"', '@почта.рф', 'shape'],
    ['nothing after "@"', 'ivanov@', 'shape'],
    ['a space inside', 'ivan ov@почта.рф', 'shape'],
    ['a no-break space inside the domain', 'ivanov@почта.\u00a0рф', 'shape'],
    ['a zero-width space IDNA would drop', 'ivanov@поч\u200bта.рф', 'shape'],
    ['a Cyrillic mailbox (needs SMTPUTF8)', 'иванов@почта.рф', 'mailbox'],
    ['a mailbox starting with a dot', '.ivanov@mail.ru', 'mailbox'],
    ['a mailbox ending with a dot', 'ivanov.@mail.ru', 'mailbox'],
    ['two dots in a row in the mailbox', 'iva..nov@mail.ru', 'mailbox'],
    ['a mailbox of 65 characters', `${'a'.repeat(65)}@mail.ru`, 'mailbox'],
    ['a single-label domain', 'it@pkc', 'domain'],
    ['an empty label', 'ivanov@почта..рф', 'domain'],
    ['a leading dot in the domain', 'ivanov@.почта.рф', 'domain'],
    ['a trailing dot in the domain', 'ivanov@почта.рф.', 'domain'],
    ['a label starting with a hyphen', 'ivanov@-почта.рф', 'domain'],
    ['a label ending with a hyphen', 'ivanov@почта-.рф', 'domain'],
    ['a top-level domain of digits', 'ivanov@mail.123', 'domain'],
    ['an IPv4 address', 'ivanov@192.168.0.1', 'domain'],
    ['a number the URL parser reads as IPv4', 'ivanov@0x7f.1', 'domain'],
    ['a one-letter top-level domain', 'ivanov@mail.r', 'domain'],
    ['an underscore in the domain', 'ivanov@mail_server.ru', 'domain'],
    ['a port', 'ivanov@почта.рф:25', 'domain'],
    ['a path', 'ivanov@mail.ru/inbox', 'domain'],
    ['percent-encoding', 'ivanov@mail%2eru', 'domain'],
    ['an ideographic full stop IDNA reads as a dot', 'ivanov@почта。рф', 'domain'],
    // Node's URL parser verifies typed punycode, Chromium's does not: both refuse it here.
    ['broken punycode', 'ivanov@xn--zz.ru', 'domain'],
    ['valid punycode instead of the domain as it reads', 'ivanov@xn--80a1acny.xn--p1ai', 'domain'],
    ['a label of 64 characters', `ivanov@${'a'.repeat(64)}.ru`, 'domain'],
  ])('refuses %s: %s', (_, address, problem) => {
    expect(emailProblem(address)).toBe(problem);
  });

  it('checks the domain in its ASCII form but never rewrites the address', () => {
    expect(asciiDomain('почта.рф')).toBe('xn--80a1acny.xn--p1ai');
    expect(createPayload.shape.reporterEmail.parse('ivanov@Почта.рф')).toBe('ivanov@Почта.рф');
  });

  it('is the create command’s rule, and its refusal names the field and what is allowed', () => {
    const result = createPayload.shape.reporterEmail.safeParse('иванов@почта.рф');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(
      'reporterEmail must be an e-mail address whose mailbox (before "@") is Latin letters, digits and . _ \' + - (a dot neither first, last nor doubled)',
    );
  });
});
