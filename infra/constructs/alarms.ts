/**
 * The alarms that say the service needs a person: a 5xx rate on either HTTP function, any
 * throttling, and any failed ingest waiting in the dead-letter queue. With an SNS topic ARN
 * (context `alarmTopicArn`) they notify it; without one they are visible in CloudWatch only.
 */
import { Duration } from 'aws-cdk-lib';
import { type Alarm, ComparisonOperator, MathExpression, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** Percentage of Function URL requests answered with a 5xx over five minutes that raises the alarm. */
export const SERVER_ERROR_RATE_PERCENT = 5;
const PERIOD = Duration.minutes(5);

export interface ServiceAlarmsProps {
  /** Functions behind Function URLs, by a short name used in alarm names. */
  http: { [name: string]: IFunction };
  /** Every function, for throttling. */
  all: { [name: string]: IFunction };
  deadLetterQueue: IQueue;
  alarmTopicArn?: string;
}

export class ServiceAlarms extends Construct {
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: ServiceAlarmsProps) {
    super(scope, id);
    const urlMetric = (fn: IFunction, metricName: string) =>
      new Metric({ namespace: 'AWS/Lambda', metricName, dimensionsMap: { FunctionName: fn.functionName }, statistic: 'Sum', period: PERIOD });

    for (const [name, fn] of Object.entries(props.http)) {
      const rate = new MathExpression({
        label: `${name} 5xx rate (%)`,
        expression: 'IF(requests > 0, 100 * errors / requests, 0)',
        usingMetrics: { errors: urlMetric(fn, 'Url5xxCount'), requests: urlMetric(fn, 'UrlRequestCount') },
        period: PERIOD,
      });
      this.alarms.push(
        rate.createAlarm(this, `${name}ServerErrors`, {
          alarmDescription: `More than ${SERVER_ERROR_RATE_PERCENT}% of ${name} requests answered with a 5xx in five minutes.`,
          threshold: SERVER_ERROR_RATE_PERCENT,
          comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
          evaluationPeriods: 1,
          treatMissingData: TreatMissingData.NOT_BREACHING,
        }),
      );
    }
    for (const [name, fn] of Object.entries(props.all)) {
      this.alarms.push(
        fn.metricThrottles({ period: PERIOD, statistic: 'Sum' }).createAlarm(this, `${name}Throttles`, {
          alarmDescription: `The ${name} function was throttled.`,
          threshold: 1,
          comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          evaluationPeriods: 1,
          treatMissingData: TreatMissingData.NOT_BREACHING,
        }),
      );
    }
    this.alarms.push(
      props.deadLetterQueue
        .metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum' })
        .createAlarm(this, 'IngestDeadLetters', {
          alarmDescription: 'An ingest failed (rejected export or error) and its event waits in the dead-letter queue.',
          threshold: 1,
          comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          evaluationPeriods: 1,
          treatMissingData: TreatMissingData.NOT_BREACHING,
        }),
    );

    if (props.alarmTopicArn) {
      const action = new SnsAction(Topic.fromTopicArn(this, 'AlarmTopic', props.alarmTopicArn));
      for (const alarm of this.alarms) alarm.addAlarmAction(action);
    }
  }
}
