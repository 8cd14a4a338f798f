/**
 * The API's cold-start floor: a Lambda handler holding nothing but the DynamoDB client (as the
 * API creates it) that does one GetItem of the record the API's measured request reads. What any
 * implementation on this SDK must load and do before it can answer.
 */
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { createDynamoDbClient } from '../../../functions/adapters/dynamodb-client.ts';
import { PARTITION_KEY, recordKey } from '../../../functions/adapters/table-design.ts';

const client = createDynamoDbClient({ region: process.env.AWS_REGION ?? 'us-east-1', dynamodbEndpoint: process.env.DYNAMODB_ENDPOINT });

export async function handler(): Promise<{ statusCode: number }> {
  const out = await client.send(
    new GetItemCommand({ TableName: process.env.TABLE_NAME ?? 'archive-records', Key: { [PARTITION_KEY]: { S: recordKey('110020') } }, ConsistentRead: true }),
  );
  return { statusCode: out.Item ? 200 : 404 };
}
