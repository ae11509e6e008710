import { describe, expect, it } from 'vitest';
import {
  createSecretRedactor,
  REDACTED,
  secretSpellings,
} from '../../../../../electron/main/services/secret-redactor';

const TOKEN = 'abc/def+ghi=jkl~mno';

describe('secret redactor', () => {
  it('knows the token as is, in base64, base64url and percent-encoded', () => {
    expect(secretSpellings(TOKEN)).toEqual([
      TOKEN,
      'YWJjL2RlZitnaGk9amtsfm1ubw==',
      'YWJjL2RlZitnaGk9amtsfm1ubw',
      'abc%2Fdef%2Bghi%3Djkl~mno',
    ]);
  });

  it('redacts every spelling in text', () => {
    const redactor = createSecretRedactor(TOKEN);
    expect(
      redactor.redact(
        `Bearer ${TOKEN} / YWJjL2RlZitnaGk9amtsfm1ubw== / t=abc%2Fdef%2Bghi%3Djkl~mno`,
      ),
    ).toBe(`Bearer ${REDACTED} / ${REDACTED} / t=${REDACTED}`);
  });

  it('redacts values and keys while parsing JSON, escapes included', () => {
    const redactor = createSecretRedactor(TOKEN);
    const text = `{"a":"x \\u0061bc\\/def+ghi=jkl~mno","${TOKEN}":[1]}`;
    expect(redactor.mayHide(text)).toBe(true);
    expect(JSON.parse(text, redactor.reviver)).toEqual({ a: `x ${REDACTED}`, [REDACTED]: [1] });
  });

  it('needs no pass over JSON that cannot hold the token', () => {
    expect(createSecretRedactor(TOKEN).mayHide('{"a":"plain text, no escapes"}')).toBe(false);
    expect(createSecretRedactor(null).mayHide(`{"a":"${TOKEN}\\n"}`)).toBe(false);
  });

  it('leaves ordinary words alone when the "secret" is too short to be one', () => {
    const redactor = createSecretRedactor('tok');
    expect(redactor.redact('token tokens')).toBe('token tokens');
    expect(redactor.mayHide('{"a":"token\\n"}')).toBe(false);
  });
});
