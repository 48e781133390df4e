package org.workstudy.exemptions;

/** Why a student applies: real hardship (家庭经济困难/实际困难), a disability (身体残疾), or another reason. */
public enum ExemptionReason {
    HARDSHIP, DISABILITY, OTHER
}
