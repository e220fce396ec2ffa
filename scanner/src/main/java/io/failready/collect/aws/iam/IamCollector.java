package io.failready.collect.aws.iam;

import com.fasterxml.jackson.core.type.TypeReference;
import io.failready.collect.Attrs;
import io.failready.collect.CollectionContext;
import io.failready.collect.Collector;
import io.failready.collect.CollectorDescriptor;
import io.failready.facts.Resource;
import io.failready.util.Json;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.Role;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * IAM roles ({@code AWS::IAM::Role}, global) that the inventory references — S3 replication roles
 * and Lambda execution roles of this account — with their inline and attached policy documents.
 * Runs after the regional collectors (phase 1) so it reads only the roles rules can ask about,
 * and at most {@value #MAX_ROLES} of them: an account with thousands of roles costs one listing.
 *
 * <p>AWS calls / IAM actions: {@code iam:ListRoles} (paginated), and per referenced role
 * {@code iam:ListRolePolicies}, {@code iam:GetRolePolicy}, {@code iam:ListAttachedRolePolicies},
 * {@code iam:GetPolicy}, {@code iam:GetPolicyVersion}.
 */
public final class IamCollector implements Collector {
    public static final String TYPE = "AWS::IAM::Role";
    static final int MAX_ROLES = 200;

    static final CollectorDescriptor DESCRIPTOR = CollectorDescriptor.of("iam", IamClient.class, IamClient::builder)
            .operations("GetPolicy", "GetPolicyVersion", "GetRolePolicy", "ListAttachedRolePolicies", "ListRolePolicies", "ListRoles")
            .writes(TYPE, "IAM role")
            .global()
            .globalHome("aws-global")
            .phase(1)
            .build();

    @Override public CollectorDescriptor descriptor() { return DESCRIPTOR; }

    @Override public void collect(CollectionContext ctx) {
        Set<String> wanted = referencedRoles(ctx.inventory(), ctx.accountId());
        if (wanted.isEmpty()) return;
        IamClient iam = ctx.client(IamClient.class);
        var roles = ctx.call("iam:ListRoles", () -> iam.listRolesPaginator(b -> { }).roles().stream()
                .filter(r -> wanted.contains(r.arn())).limit(MAX_ROLES).toList());
        roles.ifPresent(list -> list.forEach(r -> role(ctx, iam, r)));
    }

    static Set<String> referencedRoles(List<Resource> inventory, String account) {
        Set<String> out = new TreeSet<>();
        for (Resource r : inventory) {
            if (!r.getAccountId().equals(account)) continue;
            String role = switch (r.getResourceType()) {
                case "AWS::S3::Bucket" -> r.str("replication.role");
                case "AWS::Lambda::Function" -> r.str("role");
                default -> null;
            };
            if (role != null && account.equals(Attrs.arnAccount(role))) out.add(role);
        }
        return out;
    }

    private static void role(CollectionContext ctx, IamClient iam, Role role) {
        String name = role.roleName();
        List<Map<String, Object>> policies = new ArrayList<>();
        ctx.callFor("iam:ListRolePolicies", TYPE, role.arn(), () -> iam.listRolePoliciesPaginator(b -> b.roleName(name)).policyNames().stream().toList())
                .ifPresent(names -> names.forEach(p -> ctx.callFor("iam:GetRolePolicy", TYPE, role.arn(),
                                () -> iam.getRolePolicy(b -> b.roleName(name).policyName(p)).policyDocument())
                        .ifPresent(doc -> policies.add(Attrs.map("name", p, "kind", "inline", "document", document(doc))))));
        ctx.callFor("iam:ListAttachedRolePolicies", TYPE, role.arn(),
                        () -> iam.listAttachedRolePoliciesPaginator(b -> b.roleName(name)).attachedPolicies().stream().toList())
                .ifPresent(attached -> attached.forEach(p -> managed(ctx, iam, role, p, policies)));
        ctx.add(TYPE, role.arn(), name, Map.of(), Attrs.map("roleName", name, "policies", policies));
    }

    private static void managed(CollectionContext ctx, IamClient iam, Role role, AttachedPolicy p, List<Map<String, Object>> into) {
        ctx.callFor("iam:GetPolicy", TYPE, role.arn(), () -> iam.getPolicy(b -> b.policyArn(p.policyArn())).policy().defaultVersionId())
                .flatMap(v -> ctx.callFor("iam:GetPolicyVersion", TYPE, role.arn(),
                        () -> iam.getPolicyVersion(b -> b.policyArn(p.policyArn()).versionId(v)).policyVersion().document()))
                .ifPresent(doc -> into.add(Attrs.map("name", p.policyName(), "kind", "managed", "arn", p.policyArn(), "document", document(doc))));
    }

    /** IAM returns policy documents URL-encoded. */
    static Object document(String encoded) {
        String json = URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        try {
            return Json.MAPPER.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (java.io.IOException e) {
            return json;
        }
    }
}
