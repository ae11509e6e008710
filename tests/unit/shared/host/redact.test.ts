import { describe, expect, it } from 'vitest';
import { describeErpProblem, displayErpUrl } from '../../../../shared/host/diagnostics';
import { redactJsonText, redactSecrets } from '../../../../shared/host/redact';
import { fail, ok } from '../../../../shared/host/result';

describe('redactSecrets', () => {
  it.each([
    ['Authorization: Bearer eyJhbGciOi.x.y', 'Authorization: [redacted]'],
    ['authorization=Token abc123', 'authorization=[redacted]'],
    ['sent Bearer abc"def;ghi to the ERP', 'sent Bearer [redacted] to the ERP'],
    ['Basic dXNlcjpwYXNzd29yZA==', 'Basic [redacted]'],
    ['GET /x?a=1&access_token=abc.def&b=2', 'GET /x?a=1&access_token=[redacted]&b=2'],
    ['token=abc', 'token=[redacted]'],
    ['client_secret=s3cr3t&password=hunter2', 'client_secret=[redacted]&password=[redacted]'],
    ['{"erpToken":"abc","x":1}', '{"erpToken":"[redacted]","x":1}'],
    ['{"password": "a\\"b"}', '{"password": "[redacted]"}'],
    ['https://ivan:p4ss@erp.example/api', 'https://[redacted]@erp.example/api'],
    ['https://ivan:p@ss@erp.example/', 'https://[redacted]@erp.example/'],
    ['ftp://user@host/x', 'ftp://[redacted]@host/x'],
  ])('%s', (input, expected) => {
    expect(redactSecrets(input)).toBe(expected);
  });

  it.each([
    'mailto:it@example.ru stays',
    'Basic settings are fine',
    '[ipc] refused secrets:set-erp-token from file:///opt/app/index.html',
    'https://erp.example/api/sync/v1/changes?cursor=eyJwIjoxfQ&limit=500',
    'The ERP refused the access token. Check the token in the settings.',
  ])('leaves ordinary text alone: %s', (input) => {
    expect(redactSecrets(input)).toBe(input);
  });

  it('is idempotent', () => {
    const once = redactSecrets('Bearer abc token=x https://u:p@h/');
    expect(redactSecrets(once)).toBe(once);
  });
});

describe('redactJsonText', () => {
  it('keeps serialized JSON parseable while removing secrets', () => {
    const text = JSON.stringify(
      {
        url: 'https://u:SECRET1@h/?token=SECRET2',
        line: 'Authorization: Bearer SECRET3',
        nested: { token: 'SECRET4', apiKey: 'SECRET5' },
        keep: 'cursor=abc',
      },
      null,
      2,
    );
    const redacted = redactJsonText(text);
    expect(redacted).not.toMatch(/SECRET/);
    expect(JSON.parse(redacted)).toEqual({
      url: 'https://[redacted]@h/?token=[redacted]',
      line: 'Authorization: [redacted]',
      nested: { token: '[redacted]', apiKey: '[redacted]' },
      keep: 'cursor=abc',
    });
  });
});

describe('displayErpUrl', () => {
  it.each([
    ['https://ivan:secret@erp.example.ru/api?token=x#frag', 'https://erp.example.ru/api'],
    ['http://127.0.0.1:41234', 'http://127.0.0.1:41234/'],
    ['not a url?token=abc', 'not a url'],
    [null, null],
  ])('%s → %s', (input, expected) => {
    expect(displayErpUrl(input)).toBe(expected);
  });
});

describe('describeErpProblem', () => {
  it('names unreachable, refused and failing answers, and nothing else', () => {
    expect(describeErpProblem('changes', fail('erp_unreachable', 'ECONNREFUSED'))).toBe(
      'changes: erp_unreachable: ECONNREFUSED',
    );
    const answer = (status: number) => ok({ status, body: null, retryAfterSeconds: null });
    expect(describeErpProblem('session', answer(401))).toBe('session: HTTP 401');
    expect(describeErpProblem('push', answer(503))).toBe('push: HTTP 503');
    expect(describeErpProblem('changes', answer(200))).toBeNull();
    expect(describeErpProblem('push', answer(409))).toBeNull();
  });
});
