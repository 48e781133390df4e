package org.workstudy.pay.internal;

import java.util.List;

import org.workstudy.pay.PaySheet;

/** A student's pay: their frozen lines (newest month first) and their card, masked. */
public record MyPay(String bankName, String maskedCard, List<PaySheet.PayLine> lines) {
}
