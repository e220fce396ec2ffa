package io.failready.collect.aws.apigateway;

import io.failready.collect.Attrs;
import io.failready.collect.CollectionContext;
import io.failready.collect.Collector;
import io.failready.collect.CollectorDescriptor;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.RestApi;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.Api;
import software.amazon.awssdk.services.apigatewayv2.model.ApiMapping;
import software.amazon.awssdk.services.apigatewayv2.model.DomainName;
import software.amazon.awssdk.services.apigatewayv2.model.DomainNameConfiguration;
import software.amazon.awssdk.services.apigatewayv2.model.GetApiMappingsResponse;
import software.amazon.awssdk.services.apigatewayv2.model.GetApisResponse;
import software.amazon.awssdk.services.apigatewayv2.model.GetDomainNamesResponse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * API Gateway REST APIs ({@code AWS::ApiGateway::RestApi}), HTTP and WebSocket APIs
 * ({@code AWS::ApiGatewayV2::Api}) and custom domain names ({@code AWS::ApiGatewayV2::DomainName})
 * with their endpoint type, certificate, status and API mappings (API id, name and kind, stage,
 * path). Custom domain names and their mappings are one resource for REST and HTTP APIs; the V2
 * API lists both, so the domain names are read there and the REST APIs only for their names and tags.
 *
 * <p>AWS calls (all authorised by IAM action {@code apigateway:GET}): {@code GetRestApis}
 * (paginated by position), {@code GetApis}, {@code GetDomainNames} (paginated by NextToken),
 * {@code GetApiMappings} per domain name (paginated; a failure is a gap on that domain name).
 */
public final class ApiGatewayCollector implements Collector {
    public static final String REST_API = "AWS::ApiGateway::RestApi";
    public static final String API = "AWS::ApiGatewayV2::Api";
    public static final String DOMAIN = "AWS::ApiGatewayV2::DomainName";

    private static final CollectorDescriptor DESCRIPTOR = CollectorDescriptor.of("apigateway", ApiGatewayV2Client.class, ApiGatewayV2Client::builder)
            .operations("GetApiMappings", "GetApis", "GetDomainNames")
            // REST APIs are read through the v1 client, under the same IAM prefix and gap service
            .alsoUses("apigateway", "apigateway", ApiGatewayClient.class, ApiGatewayClient::builder, "GetRestApis")
            // API Gateway authorises every read of its management API with one action, GET ...
            .iamAction("GetApiMappings", "GET")
            .iamAction("GetApis", "GET")
            .iamAction("GetDomainNames", "GET")
            .iamAction("GetRestApis", "GET")
            // ... which on every path would also read API key values (GET /apikeys?includeValues=true)
            .iamResources("GET", "arn:aws:apigateway:*::/apis", "arn:aws:apigateway:*::/domainnames",
                    "arn:aws:apigateway:*::/domainnames/*/apimappings", "arn:aws:apigateway:*::/restapis")
            .writes(DOMAIN, "API Gateway custom domain")
            .writes(REST_API, "REST API")
            .writes(API, "HTTP API")
            .regions(ApiGatewayV2Client::serviceMetadata)
            .build();

    @Override public CollectorDescriptor descriptor() { return DESCRIPTOR; }

    @Override public void collect(CollectionContext ctx) {
        ApiGatewayClient v1 = ctx.client(ApiGatewayClient.class);
        ApiGatewayV2Client v2 = ctx.client(ApiGatewayV2Client.class);
        Map<String, Map<String, Object>> apis = new HashMap<>();
        ctx.call("apigateway:GetRestApis", () -> v1.getRestApisPaginator(b -> { }).items().stream().toList()).ifPresent(all -> {
            for (RestApi a : all) {
                String types = a.endpointConfiguration() == null ? null : String.join(",", a.endpointConfiguration().typesAsStrings());
                ctx.add(REST_API, apiArn(ctx, "restapis", a.id()), a.name(), a.tags() == null ? Map.of() : new TreeMap<>(a.tags()),
                        Attrs.map("apiId", a.id(), "endpointType", types));
                apis.put(a.id(), Attrs.map("apiName", a.name(), "apiKind", "REST"));
            }
        });
        ctx.call("apigateway:GetApis", () -> {
            List<Api> out = new ArrayList<>();
            String token = null;
            do {
                String t = token;
                GetApisResponse r = v2.getApis(b -> b.nextToken(t));
                out.addAll(r.items());
                token = r.nextToken();
                ctx.checkDeadline();
            } while (token != null && !token.isEmpty());
            return out;
        }).ifPresent(all -> {
            for (Api a : all) {
                ctx.add(API, apiArn(ctx, "apis", a.apiId()), a.name(), a.tags() == null ? Map.of() : new TreeMap<>(a.tags()),
                        Attrs.map("apiId", a.apiId(), "protocolType", a.protocolTypeAsString()));
                apis.put(a.apiId(), Attrs.map("apiName", a.name(), "apiKind", a.protocolTypeAsString()));
            }
        });
        var domains = ctx.call("apigateway:GetDomainNames", () -> {
            List<DomainName> out = new ArrayList<>();
            String token = null;
            do {
                String t = token;
                GetDomainNamesResponse r = v2.getDomainNames(b -> b.nextToken(t));
                out.addAll(r.items());
                token = r.nextToken();
                ctx.checkDeadline();
            } while (token != null && !token.isEmpty());
            return out;
        });
        if (domains.isEmpty()) return;
        for (DomainName d : domains.get()) {
            String arn = apiArn(ctx, "domainnames", d.domainName());
            List<Map<String, Object>> mappings = ctx.callFor("apigateway:GetApiMappings", DOMAIN, arn, () -> {
                List<Map<String, Object>> out = new ArrayList<>();
                String token = null;
                do {
                    String t = token;
                    GetApiMappingsResponse r = v2.getApiMappings(b -> b.domainName(d.domainName()).nextToken(t));
                    for (ApiMapping m : r.items()) {
                        Map<String, Object> api = apis.getOrDefault(m.apiId(), Map.of());
                        out.add(Attrs.map("apiId", m.apiId(), "apiName", api.get("apiName"), "apiKind", api.get("apiKind"),
                                "stage", m.stage(), "apiMappingKey", m.apiMappingKey() == null ? "" : m.apiMappingKey()));
                    }
                    token = r.nextToken();
                    ctx.checkDeadline();
                } while (token != null && !token.isEmpty());
                return out;
            }).orElse(null);
            DomainNameConfiguration c = d.domainNameConfigurations().isEmpty() ? null : d.domainNameConfigurations().get(0);
            ctx.add(DOMAIN, arn, d.domainName(), d.tags() == null ? Map.of() : new TreeMap<>(d.tags()), Attrs.map(
                    "domainName", d.domainName(),
                    "endpointType", c == null ? null : c.endpointTypeAsString(),
                    "certificateArn", c == null ? null : c.certificateArn(),
                    "status", c == null ? null : c.domainNameStatusAsString(),
                    "apiMappings", mappings));
        }
    }

    /** API Gateway's ARN form: {@code arn:aws:apigateway:<region>::/restapis/<id>}. */
    private static String apiArn(CollectionContext ctx, String kind, String id) {
        return "arn:aws:apigateway:" + ctx.region() + "::/" + kind + "/" + id;
    }
}
