package io.failready.rules.api;

import io.failready.facts.Resource;

/**
 * A recovery copy of an in-scope data store and the KMS key that copy is encrypted with, as the
 * collectors recorded it: an S3 replication rule's {@code replicaKmsKeyId}, a DynamoDB replica's
 * {@code kmsMasterKeyId}, a Secrets Manager replica's {@code kmsKeyId}, or the {@code kmsKeyId} of
 * an Aurora secondary cluster / RDS read replica. {@code ref} is normalised to ARN form (key or
 * alias ARN) in the copy's account and region, or is an {@code alias/aws/...} name (AWS managed).
 * {@link SecurityIndex#copyKeys} lists them per primary key and copy region.
 */
public record SecurityCopyKey(Resource store, String copy, String region, String ref) {
    /** Whether the copy names an AWS managed key by its {@code alias/aws/...} name. */
    public boolean awsManagedAlias() { return ref.startsWith("alias/aws/") || ref.contains(":alias/aws/"); }
}
