import { handle } from 'hono/aws-lambda';
import { describe, expect, it } from 'vitest';
import { testApp } from '../support/fixtures.ts';
import { functionUrlEvent } from '../support/lambda-events.ts';

describe('the Lambda handler', () => {
  it('answers a Function URL event for /records/110020 with the record', async () => {
    const { app } = await testApp();
    const result = (await handle(app)(functionUrlEvent('/records/110020'), {} as never)) as {
      statusCode: number;
      body: string;
      headers: { [name: string]: string };
      isBase64Encoded: boolean;
    };
    expect(result.statusCode).toBe(200);
    expect(result.isBase64Encoded).toBe(false);
    expect(result.headers['content-type']).toMatch(/^application\/json/);
    expect((JSON.parse(result.body) as { id: string }).id).toBe('110020');
  });

  it('answers an unknown record with a 404 problem', async () => {
    const { app } = await testApp();
    const result = (await handle(app)(functionUrlEvent('/records/424242'), {} as never)) as { statusCode: number; body: string };
    expect(result.statusCode).toBe(404);
    expect(JSON.parse(result.body)).toMatchObject({ status: 404, title: 'Not Found' });
  });
});
