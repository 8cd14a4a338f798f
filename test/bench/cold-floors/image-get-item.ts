/**
 * The image function's cold-start floor for info.json: the S3 and DynamoDB clients the function
 * creates at start, and one GetItem of the record whose leaf the measured info.json describes.
 */
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { createDynamoDbClient } from '../../../functions/adapters/dynamodb-client.ts';
import { createS3Client } from '../../../functions/adapters/s3-client.ts';
import { PARTITION_KEY, recordKey } from '../../../functions/adapters/table-design.ts';

const config = { region: process.env.AWS_REGION ?? 'us-east-1', dynamodbEndpoint: process.env.DYNAMODB_ENDPOINT, s3Endpoint: process.env.S3_ENDPOINT };
const client = createDynamoDbClient(config);
export const s3 = createS3Client(config);

export async function handler(): Promise<{ statusCode: number }> {
  const out = await client.send(
    new GetItemCommand({ TableName: process.env.TABLE_NAME ?? 'archive-records', Key: { [PARTITION_KEY]: { S: recordKey('110020') } }, ConsistentRead: true }),
  );
  return { statusCode: out.Item ? 200 : 404 };
}
