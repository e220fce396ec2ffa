package io.failready.evaluate;

import io.failready.facts.Resource;
import io.failready.rules.api.DataIndex;
import io.failready.rules.api.SecurityIndex;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.failready.rules.api.TestFacts.ACCOUNT;
import static io.failready.rules.api.TestFacts.PAIR;
import static io.failready.rules.api.TestFacts.PRIMARY;
import static io.failready.rules.api.TestFacts.workload;
import static io.failready.rules.api.TestFacts.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The engine hands every resource of the workload to each index (no inference rule pre-filters
 * them any more), so an index must keep to the types it reads: a role sharing an id or name with a
 * data store must not stand in for it.
 */
class IndexesTest {
    @Test
    void eachIndexIsBuiltOnce() {
        List<Object> built = Indexes.build(new Indexes.Estate(workload(null, -1), List.of(PAIR), List.of()));
        assertEquals(1, built.stream().filter(DataIndex.class::isInstance).count());
        assertEquals(1, built.stream().filter(SecurityIndex.class::isInstance).count());
        assertEquals(1, built.stream().filter(io.failready.rules.api.TrafficIndex.class::isInstance).count());
        assertEquals(built.size(), built.stream().map(Object::getClass).distinct().count());
    }

    @Test
    void theDataIndexIgnoresTypesItDoesNotIndex() {
        // the account id is also what an IAM resource may carry as its id; only the account resource answers
        Resource role = resource("AWS::IAM::Role", ACCOUNT, "orders", Resource.GLOBAL);
        Resource table = resource("AWS::DynamoDB::Table", "arn:aws:dynamodb:us-east-1:111111111111:table/orders", "orders", PRIMARY);
        DataIndex ix = (DataIndex) Indexes.build(new Indexes.Estate(workload(null, -1), List.of(PAIR), List.of(role, table))).get(0);
        assertNull(ix.byId(ACCOUNT));
        assertNull(ix.byName("AWS::IAM::Role", ACCOUNT, Resource.GLOBAL, "orders"));
        assertSame(table, ix.byId(table.getResourceId()));
    }
}
