package io.failready.collect.aws.servicequotas;

import io.failready.collect.CollectorHarness;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.servicequotas.ServiceQuotasClient;
import software.amazon.awssdk.services.servicequotas.model.GetAwsDefaultServiceQuotaRequest;
import software.amazon.awssdk.services.servicequotas.model.GetAwsDefaultServiceQuotaResponse;
import software.amazon.awssdk.services.servicequotas.model.GetServiceQuotaRequest;
import software.amazon.awssdk.services.servicequotas.model.GetServiceQuotaResponse;
import software.amazon.awssdk.services.servicequotas.model.NoSuchResourceException;
import software.amazon.awssdk.services.servicequotas.model.ServiceQuota;
import software.amazon.awssdk.services.servicequotas.model.ServiceQuotasException;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * Service Quotas on a mocked client interface: "no applied value" (NoSuchResourceException) is data
 * — the AWS default is read instead, with no gap — while a refused or throttled GetServiceQuota is a
 * gap on that quota, and the default is then not taken for the value in force.
 */
class ServiceQuotasMappingTest {
    static final String EU = "eu-west-1";

    static String id(String service, String code) { return "arn:aws:servicequotas:" + EU + ":" + CollectorHarness.ACCOUNT + ":" + service + "/" + code; }

    static ServiceQuota quota(String name, double value) { return ServiceQuota.builder().quotaName(name).value(value).build(); }

    static GetServiceQuotaRequest asking(String service) {
        return argThat((GetServiceQuotaRequest r) -> r != null && service.equals(r.serviceCode()));
    }

    @Test
    void noAppliedValueReadsTheDefaultAndIsNotAGap() {
        ServiceQuotasClient sq = CollectorHarness.mockClient(ServiceQuotasClient.class);
        doThrow(NoSuchResourceException.builder().statusCode(400).awsErrorDetails(AwsErrorDetails.builder()
                .errorCode("NoSuchResourceException").errorMessage("no applied quota").build()).build()).when(sq).getServiceQuota(asking("ec2"));
        doReturn(GetAwsDefaultServiceQuotaResponse.builder().quota(quota("Running On-Demand Standard instances", 5)).build())
                .when(sq).getAWSDefaultServiceQuota(argThat((GetAwsDefaultServiceQuotaRequest r) -> r != null && "ec2".equals(r.serviceCode())));
        doReturn(GetServiceQuotaResponse.builder().quota(quota("Concurrent executions", 3000)).build()).when(sq).getServiceQuota(asking("lambda"));

        var result = new CollectorHarness(EU, List.of(EU)).client(ServiceQuotasClient.class, sq).run(new ServiceQuotasCollector());

        assertEquals(List.of(), result.gapLines());
        var ec2 = result.resource(id("ec2", "L-1216C47A"));
        assertEquals("default", ec2.get("source"));
        assertEquals(5.0, ((Number) ec2.get("value")).doubleValue());
        var lambda = result.resource(id("lambda", "L-B99A9384"));
        assertEquals("applied", lambda.get("source"));
        assertEquals(3000.0, ((Number) lambda.get("value")).doubleValue());
        verify(sq, never()).getAWSDefaultServiceQuota(argThat((GetAwsDefaultServiceQuotaRequest r) -> r != null && "lambda".equals(r.serviceCode())));
    }

    @Test
    void aRefusedAppliedValueIsAGapOnThatQuotaAndTheDefaultIsNotTakenForIt() {
        ServiceQuotasClient sq = CollectorHarness.mockClient(ServiceQuotasClient.class);
        doThrow(ServiceQuotasException.builder().statusCode(400).awsErrorDetails(AwsErrorDetails.builder()
                .errorCode("TooManyRequestsException").errorMessage("Rate exceeded").build()).build()).when(sq).getServiceQuota(asking("ec2"));
        doReturn(GetServiceQuotaResponse.builder().quota(quota("Concurrent executions", 1000)).build()).when(sq).getServiceQuota(asking("lambda"));

        var result = new CollectorHarness(EU, List.of(EU)).client(ServiceQuotasClient.class, sq).run(new ServiceQuotasCollector());

        assertEquals(List.of(EU + " servicequotas GetServiceQuota " + id("ec2", "L-1216C47A") + " TooManyRequestsException: Rate exceeded"),
                result.gapLines());
        assertEquals(List.of(id("lambda", "L-B99A9384")), result.resources().stream().map(r -> r.getResourceId()).toList());
        verify(sq, never()).getAWSDefaultServiceQuota(any(GetAwsDefaultServiceQuotaRequest.class));
    }
}
