package io.failready.model;

/** AWS Config's compliance vocabulary; INSUFFICIENT_DATA per resource is our extension. */
public enum ComplianceType { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, INSUFFICIENT_DATA }
