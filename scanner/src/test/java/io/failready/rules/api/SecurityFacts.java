package io.failready.rules.api;

import io.failready.facts.Resource;
import io.failready.rules.api.SecurityIndex;

import java.util.List;
import java.util.Map;

import static io.failready.rules.api.TestFacts.ACCOUNT;
import static io.failready.rules.api.TestFacts.PRIMARY;
import static io.failready.rules.api.TestFacts.RECOVERY;

/** KMS keys, the tables they protect and the security index, for the unit tests of the security rules. */
public final class SecurityFacts {
    private SecurityFacts() {}

    public static final String KEY = "arn:aws:kms:us-east-1:111111111111:key/1111aaaa";
    public static final String EU_KEY = "arn:aws:kms:eu-west-1:111111111111:key/2222bbbb";

    /** A resource in {@link TestFacts#ACCOUNT}, in scope or not. */
    public static Resource res(String type, String id, String name, String region, boolean inScope, Map<String, Object> cfg) {
        Resource r = new Resource(type, id, name, ACCOUNT, region, Map.of(), cfg);
        r.setInScope(inScope);
        return r;
    }

    /** An out-of-scope KMS key named by the last segment of its ARN. */
    public static Resource key(String id, String region, Map<String, Object> cfg) {
        return res(KmsKeys.KMS_KEY, id, id.substring(id.lastIndexOf('/') + 1), region, false, cfg);
    }

    /** An in-scope primary-region table encrypted with {@code keyRef}. */
    public static Resource table(String name, String keyRef) {
        return res("AWS::DynamoDB::Table", "arn:aws:dynamodb:us-east-1:111111111111:table/" + name, name, PRIMARY, true,
                Map.of("kmsMasterKeyArn", keyRef));
    }

    /** {@link #table} with an ACTIVE replica in the recovery region encrypted with {@code replicaKeyRef}. */
    public static Resource replicatedTable(String name, String keyRef, String replicaKeyRef) {
        return res("AWS::DynamoDB::Table", "arn:aws:dynamodb:us-east-1:111111111111:table/" + name, name, PRIMARY, true,
                Map.of("kmsMasterKeyArn", keyRef, "replicas", List.of(Map.of("regionName", RECOVERY, "status", "ACTIVE", "kmsMasterKeyId", replicaKeyRef))));
    }

    public static SecurityIndex index(Resource... rs) { return new SecurityIndex(List.of(rs)); }
}
