package io.failready.collect.aws.account;

import io.failready.collect.Attrs;
import io.failready.collect.CollectionContext;
import io.failready.collect.Collector;
import io.failready.collect.CollectorDescriptor;
import software.amazon.awssdk.services.account.AccountClient;
import software.amazon.awssdk.services.account.model.Region;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The account itself ({@code AWS::::Account}, global): which regions are enabled, so rules can
 * tell "recovery region not opted in" from "nothing deployed there".
 *
 * <p>AWS calls / IAM actions: {@code account:ListRegions} (paginated). The account name comes
 * from Organizations when the scan listed the organization; otherwise it is omitted.
 */
public final class AccountCollector implements Collector {

    static final CollectorDescriptor DESCRIPTOR = CollectorDescriptor.of("account", AccountClient.class, AccountClient::builder)
            .operations("ListRegions")
            .writes("AWS::::Account", "account")
            .global()
            .build();

    @Override public CollectorDescriptor descriptor() { return DESCRIPTOR; }

    @Override public void collect(CollectionContext ctx) {
        AccountClient account = ctx.client(AccountClient.class);
        ctx.call("account:ListRegions", () -> {
            Map<String, String> status = new TreeMap<>();
            for (Region r : account.listRegionsPaginator(b -> b.maxResults(50)).regions()) {
                status.put(r.regionName(), r.regionOptStatusAsString());
            }
            return status;
        }).ifPresent(status -> ctx.add("AWS::::Account", ctx.accountId(), ctx.accountName() == null ? ctx.accountId() : ctx.accountName(),
                Map.of(), Attrs.map("accountName", ctx.accountName(), "regionOptStatus", status)));
    }
}
