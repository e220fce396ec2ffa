/**
 * The apigateway collector: reads the service through the AWS SDK, read-only, and writes API Gateway custom domain, REST API, HTTP API into the
 * snapshot. {@link ApiGatewayCollector}'s descriptor lists every call it may send.
 */
package io.failready.collect.aws.apigateway;
