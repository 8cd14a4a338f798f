/**
 * CloudFront in front of the two Function URLs (the API's, the image service's). Each behaviour's cache key holds exactly what
 * its route varies on: `Accept` where responses are negotiated, the query string where it selects
 * the response (OAI-PMH, citations, collection pages), nothing for IIIF image derivatives, whose
 * URL path says everything. Every origin is a Function URL signed by origin access control; POST
 * bodies (OAI-PMH) get their payload hash from a Lambda@Edge function (`body-hash.ts`). See
 * docs/adr/0004-aws-deployment.md.
 */
import { Duration, Validations } from 'aws-cdk-lib';
import type { ICertificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  type BehaviorOptions,
  CacheCookieBehavior,
  CachedMethods,
  CacheHeaderBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
  Distribution,
  Function as EdgeFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  FunctionUrlOriginAccessControl,
  HeadersReferrerPolicy,
  HttpVersion,
  type IOrigin,
  LambdaEdgeEventType,
  OriginRequestCookieBehavior,
  OriginRequestHeaderBehavior,
  OriginRequestPolicy,
  OriginRequestQueryStringBehavior,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  Signing,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { FunctionUrlOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { IFunctionUrl } from 'aws-cdk-lib/aws-lambda';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { FORWARDED_HOST_HEADER, ORIGIN_SECRET_HEADER } from '../../functions/http/edge-headers.ts';
import { FORWARD_HOST_CODE } from '../edge/forward-host.ts';
import { BodyHashFunction } from './body-hash.ts';

export interface DeliveryProps {
  /** The metadata API's Function URL (AWS_IAM: reached through origin access control, OAI-PMH POST included). */
  apiUrl: IFunctionUrl;
  /** The image function's Function URL (AWS_IAM, response streaming). */
  imageUrl: IFunctionUrl;
  /** Value of the origin secret header CloudFront adds to every origin request (defence in depth behind OAC). */
  originSecret: string;
  logBucket: IBucket;
  domain?: { name: string; certificate: ICertificate };
  webAclArn?: string;
}

export class Delivery extends Construct {
  readonly distribution: Distribution;

  constructor(scope: Construct, id: string, props: DeliveryProps) {
    super(scope, id);

    // The normalized Accept-Encoding in every cache key, and so forwarded: the API compresses its own
    // answers (OAI-PMH, never cached, included); CloudFront (`compress`) what an origin leaves uncoded. ADR 0017.
    const compression = { enableAcceptEncodingGzip: true, enableAcceptEncodingBrotli: true };
    const metadataTtl = { minTtl: Duration.seconds(0), defaultTtl: Duration.minutes(5), maxTtl: Duration.hours(1) };
    const negotiated = new CachePolicy(this, 'NegotiatedMetadata', {
      comment: 'Metadata negotiated by Accept; the query string selects variants; short TTLs',
      headerBehavior: CacheHeaderBehavior.allowList('Accept'),
      queryStringBehavior: CacheQueryStringBehavior.all(),
      cookieBehavior: CacheCookieBehavior.none(),
      ...metadataTtl,
      ...compression,
    });
    const metadata = new CachePolicy(this, 'Metadata', {
      comment: 'Metadata not negotiated (IIIF Presentation); the query string selects pages; short TTLs',
      headerBehavior: CacheHeaderBehavior.none(),
      queryStringBehavior: CacheQueryStringBehavior.all(),
      cookieBehavior: CacheCookieBehavior.none(),
      ...metadataTtl,
      ...compression,
    });
    const harvest = new CachePolicy(this, 'Harvest', {
      comment: 'OAI-PMH: the verb and its arguments are the query string; short TTLs',
      headerBehavior: CacheHeaderBehavior.none(),
      queryStringBehavior: CacheQueryStringBehavior.all(),
      cookieBehavior: CacheCookieBehavior.none(),
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.minutes(1),
      maxTtl: Duration.minutes(10),
      ...compression,
    });
    const imageDerivatives = new CachePolicy(this, 'ImageDerivatives', {
      comment: 'IIIF Image API: the path names the derivative, which never changes; long TTLs',
      headerBehavior: CacheHeaderBehavior.none(),
      queryStringBehavior: CacheQueryStringBehavior.none(),
      cookieBehavior: CacheCookieBehavior.none(),
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.days(30),
      maxTtl: Duration.days(365),
      ...compression,
    });

    const forwardHost = new OriginRequestPolicy(this, 'ForwardHost', {
      comment: 'The viewer host (copied by the edge function) and the query string; never Host, which origin access control signs',
      headerBehavior: OriginRequestHeaderBehavior.allowList(FORWARDED_HOST_HEADER),
      queryStringBehavior: OriginRequestQueryStringBehavior.all(),
      cookieBehavior: OriginRequestCookieBehavior.none(),
    });
    const harvestRequest = new OriginRequestPolicy(this, 'HarvestRequest', {
      comment: 'OAI-PMH GET and form-encoded POST: the viewer host, the query string and the body type',
      headerBehavior: OriginRequestHeaderBehavior.allowList(FORWARDED_HOST_HEADER, 'Content-Type'),
      queryStringBehavior: OriginRequestQueryStringBehavior.all(),
      cookieBehavior: OriginRequestCookieBehavior.none(),
    });
    const imageRequest = new OriginRequestPolicy(this, 'ImageRequest', {
      comment: 'IIIF Image API: the viewer host only (info.json ids); no query string',
      headerBehavior: OriginRequestHeaderBehavior.allowList(FORWARDED_HOST_HEADER),
      queryStringBehavior: OriginRequestQueryStringBehavior.none(),
      cookieBehavior: OriginRequestCookieBehavior.none(),
    });

    const responseHeaders = new ResponseHeadersPolicy(this, 'ResponseHeaders', {
      comment: 'CORS for IIIF viewers and harvesters on other origins; security headers',
      corsBehavior: {
        accessControlAllowOrigins: ['*'],
        accessControlAllowMethods: ['GET', 'HEAD', 'OPTIONS'],
        accessControlAllowHeaders: ['*'],
        accessControlExposeHeaders: ['ETag', 'Link', 'Content-Location'],
        accessControlAllowCredentials: false,
        accessControlMaxAge: Duration.days(1),
        originOverride: false,
      },
      securityHeadersBehavior: {
        strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, override: true },
        contentTypeOptions: { override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: false },
      },
    });

    const forwardHostFunction = new EdgeFunction(this, 'ForwardHostFunction', {
      comment: 'Copies the viewer Host into X-Forwarded-Host',
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromInline(FORWARD_HOST_CODE),
    });

    const bodyHash = new BodyHashFunction(this, 'BodyHash');

    const originAccessControl = new FunctionUrlOriginAccessControl(this, 'OriginAccessControl', { signing: Signing.SIGV4_ALWAYS });
    const originSecret = { [ORIGIN_SECRET_HEADER]: props.originSecret };
    const apiOrigin = FunctionUrlOrigin.withOriginAccessControl(props.apiUrl, { originAccessControl, customHeaders: originSecret });
    const imageOrigin = FunctionUrlOrigin.withOriginAccessControl(props.imageUrl, {
      originAccessControl,
      customHeaders: originSecret,
      readTimeout: Duration.seconds(60),
    });

    const behavior = (
      origin: IOrigin,
      cachePolicy: CachePolicy,
      originRequestPolicy: OriginRequestPolicy,
      allowedMethods = AllowedMethods.ALLOW_GET_HEAD_OPTIONS,
    ) =>
      ({
        origin,
        cachePolicy,
        originRequestPolicy,
        allowedMethods,
        cachedMethods: CachedMethods.CACHE_GET_HEAD,
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        compress: true,
        responseHeadersPolicy: responseHeaders,
        functionAssociations: [{ function: forwardHostFunction, eventType: FunctionEventType.VIEWER_REQUEST }],
      }) satisfies BehaviorOptions;

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Archival metadata and IIIF service',
      defaultBehavior: behavior(apiOrigin, negotiated, forwardHost),
      additionalBehaviors: {
        // Order matters: CloudFront takes the first pattern that matches.
        '/iiif/image/*': behavior(imageOrigin, imageDerivatives, imageRequest),
        // A manifest URL answers the other Presentation version's Accept profile with a 303 (ADR 0015).
        '/iiif/3/*/manifest': behavior(apiOrigin, negotiated, forwardHost),
        '/iiif/2/*/manifest': behavior(apiOrigin, negotiated, forwardHost),
        '/iiif/*': behavior(apiOrigin, metadata, forwardHost),
        // OAI-PMH POST: origin access control signs the body's hash, which the edge function adds.
        '/oai': {
          ...behavior(apiOrigin, harvest, harvestRequest, AllowedMethods.ALLOW_ALL),
          edgeLambdas: [{ functionVersion: bodyHash.version, eventType: LambdaEdgeEventType.ORIGIN_REQUEST, includeBody: true }],
        },
        '/records/*': behavior(apiOrigin, negotiated, forwardHost),
      },
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      enableIpv6: true,
      enableLogging: true,
      logBucket: props.logBucket,
      logFilePrefix: 'cloudfront/',
      ...(props.domain
        ? { domainNames: [props.domain.name], certificate: props.domain.certificate, minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021 }
        : {}),
      ...(props.webAclArn ? { webAclId: props.webAclArn } : {}),
    });

    const acknowledge = Validations.of(this.distribution);
    acknowledge.acknowledge({
      id: 'AwsSolutions-CFR1',
      reason: 'The archive is published for readers and harvesters everywhere; no country is to be excluded.',
    });
    if (!props.webAclArn)
      acknowledge.acknowledge({
        id: 'AwsSolutions-CFR2',
        reason: 'The service is public, read-only and cached; a web ACL is optional and attached with the `webAclArn` context value.',
      });
    if (!props.domain)
      acknowledge.acknowledge({
        id: 'AwsSolutions-CFR4',
        reason: 'Without a custom domain the distribution uses the default cloudfront.net certificate, whose TLS policy cannot be set.',
      });
  }
}
