import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorFields, log, logLine } from '../../functions/http/log.ts';

afterEach(() => vi.restoreAllMocks());

describe('log lines', () => {
  it('are one JSON object: level and message first, then the fields', () => {
    const line = logLine('warn', 'backend unavailable', { path: '/records/1', error: 'Error: down' });
    expect(line).toBe('{"level":"warn","message":"backend unavailable","path":"/records/1","error":"Error: down"}');
  });

  it('leave out fields that are undefined', () => {
    expect(logLine('error', 'failed', { stack: undefined })).toBe('{"level":"error","message":"failed"}');
  });

  it('go to console.warn and console.error as one string each', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    log.warn('slow', { ms: 12 });
    log.error('broken');
    expect(warn.mock.calls).toEqual([['{"level":"warn","message":"slow","ms":12}']]);
    expect(error.mock.calls).toEqual([['{"level":"error","message":"broken"}']]);
  });

  it("say a failure's text and stack", () => {
    const failure = new Error('boom');
    expect(errorFields(failure)).toEqual({ error: 'Error: boom', stack: failure.stack });
    expect(errorFields('plain')).toEqual({ error: 'plain', stack: undefined });
  });
});
