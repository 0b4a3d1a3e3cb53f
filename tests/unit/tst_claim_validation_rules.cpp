// Proves the row rules of SPEC section 3: header synonyms and the remembered mapping, each rule with its
// category (missing_fields, phi_detections, invalid_dates, invalid_values) or warning, the check order
// required → PHI → outcome → dates → values, row numbers (header = row 1), normalisation into ClaimRow
// (payer mapping, CPT group, cents, HMAC-only claim_ref), pending (not yet decided) claims as valid rows whose
// decision fields are ignored with a warning, and the rejected-rows CSV export.
#include "importer/ImportValidation.h"

#include <QTemporaryDir>
#include <QTest>

#include <sodium.h>

#include <set>

using namespace upstream;
using namespace upstream::importer;
using claims::ClaimRow;

namespace {

const std::string kHeader = "claim_ref,payer,cpt,submitted_date,decided_date,outcome,allowed_amount,billed_amount,"
                            "paid_amount,payment_date,denial_reason_code,denial_reason_text\n";

struct Run {
    ValidationReport report;
    std::vector<ClaimRow> rows;
};

ValidationOptions baseOptions()
{
    ValidationOptions o;
    o.validator.importDay = daysFromCivil(2024, 6, 30);
    o.threads = 2;
    return o;
}

Run run(const std::string &body, ValidationOptions o = baseOptions())
{
    Run r;
    o.acceptedRows = [&](std::vector<ClaimRow> &&batch) {
        for (ClaimRow &row : batch)
            r.rows.push_back(std::move(row));
    };
    auto report = validateCsvBytes(kHeader + body, o);
    if (!report.ok())
        qFatal("validation failed: %s", qPrintable(report.error().message));
    r.report = std::move(*report);
    return r;
}

// A valid row with one field replaced (index as in kHeader).
std::string row(int replace = -1, const std::string &value = {})
{
    std::vector<std::string> f = {"C1",     "Aetna",  "99213", "2024-01-02", "2024-01-10", "PAID",
                                  "100.00", "150.00", "90.00", "2024-01-20", "",           ""};
    if (replace >= 0)
        f[std::size_t(replace)] = value;
    std::string s;
    for (std::size_t i = 0; i < f.size(); ++i)
        s += (i ? "," : "") + f[i];
    return s + "\n";
}

// A pending claim as a live export writes it: no decided date, payment, paid amount or reason.
std::string pendingRow(int replace = -1, const std::string &value = {})
{
    std::vector<std::string> f = {"C1",     "Aetna",  "99213", "2024-01-02", "", "PENDING",
                                  "100.00", "150.00", "",      "",           "", ""};
    if (replace >= 0)
        f[std::size_t(replace)] = value;
    std::string s;
    for (std::size_t i = 0; i < f.size(); ++i)
        s += (i ? "," : "") + f[i];
    return s + "\n";
}

IssueCode onlyIssue(const Run &r)
{
    if (r.report.issues.size() != 1)
        qFatal("expected one issue, got %d", int(r.report.issues.size()));
    return r.report.issues.front().code;
}

} // namespace

class TestClaimValidationRules : public QObject {
    Q_OBJECT
private slots:
    void headerSynonymsMapToCanonicalColumns_data()
    {
        QTest::addColumn<QString>("header");
        QTest::addColumn<int>("column");
        QTest::newRow("Payer Name") << QStringLiteral("Payer Name") << int(Column::Payer);
        QTest::newRow("insurance") << QStringLiteral("  INSURANCE ") << int(Column::Payer);
        QTest::newRow("CPT Code") << QStringLiteral("CPT Code") << int(Column::Cpt);
        QTest::newRow("procedure_code") << QStringLiteral("procedure_code") << int(Column::Cpt);
        QTest::newRow("HCPCS") << QStringLiteral("HCPCS") << int(Column::Cpt);
        QTest::newRow("Date Submitted") << QStringLiteral("Date Submitted") << int(Column::SubmittedDate);
        QTest::newRow("decision-date") << QStringLiteral("decision-date") << int(Column::DecidedDate);
        QTest::newRow("Claim Status") << QStringLiteral("Claim Status") << int(Column::Outcome);
        QTest::newRow("Denial Code") << QStringLiteral("Denial Code") << int(Column::DenialReasonCode);
        QTest::newRow("Claim ID") << QStringLiteral("Claim ID") << int(Column::ClaimRef);
    }
    void headerSynonymsMapToCanonicalColumns()
    {
        QFETCH(QString, header);
        QFETCH(int, column);
        const auto c = matchHeader(header.toStdString());
        QVERIFY(c.has_value());
        QCOMPARE(int(*c), column);
        QVERIFY(!matchHeader("favourite colour").has_value());
    }

    void confirmedMappingIsRememberedPerFingerprint()
    {
        const std::vector<std::string> header = {"Carrier Nm", "Proc", "Sent", "Done", "Result"};
        ColumnMapping m = autoMap(header);
        QCOMPARE(m[Column::Payer], -1); // "Carrier Nm" is not a synonym
        m[Column::Payer] = 0;
        m[Column::Cpt] = 1;
        m[Column::SubmittedDate] = 2;
        m[Column::DecidedDate] = 3;
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mappings.json"));
        {
            MappingMemory memory(path);
            memory.remember(header, m);
            QVERIFY(memory.save().ok());
        }
        MappingMemory memory(path);
        QVERIFY(memory.load().ok());
        const auto recalled = memory.recall({"carrier nm", "PROC", "Sent", "Done", "Result"}); // same fingerprint
        QVERIFY(recalled.has_value());
        QCOMPARE(recalled->source, m.source);
        QVERIFY(!memory.recall({"Other", "Headers"}).has_value());
        QCOMPARE(headerFingerprint(header), headerFingerprint({"carrier_nm", "proc", "sent", "done", "result"}));
        QVERIFY(planColumns(header, *recalled).ok());
    }

    void validRowIsAcceptedAndNormalised()
    {
        ValidationOptions o = baseOptions();
        o.validator.payerAliases = {{"aetna", "Aetna Inc."}};
        o.validator.cptGroups = {{"99213", "E&M"}};
        o.validator.claimRefKey.assign(32, 7);
        const Run r = run(row(6, "\"$1,234.5\"") + row(2, "g0439"), o);
        QCOMPARE(r.report.accepted, std::uint64_t(2));
        QCOMPARE(r.rows.size(), std::size_t(2));
        const ClaimRow &a = r.rows[0];
        QCOMPARE(a.payer, std::string("Aetna Inc."));
        QCOMPARE(a.cptGroup, std::string("E&M"));
        QCOMPARE(a.submittedDate, daysFromCivil(2024, 1, 2));
        QCOMPARE(a.outcome, claims::Outcome::Paid);
        QVERIFY(a.allowed.hasValue);
        QCOMPARE(a.allowed.cents, std::int64_t(123450));
        QCOMPARE(a.sourceRow, std::uint64_t(2));
        QCOMPARE(r.rows[1].cpt, std::string("G0439"));
        QCOMPARE(r.rows[1].cptGroup, std::string("HCPCS")); // no mapping: the default grouping (HCPCS Level II)
        // claim_ref is only kept as HMAC-SHA256 under the customer key.
        std::array<unsigned char, 32> expected{};
        const std::vector<unsigned char> key(32, 7);
        crypto_auth_hmacsha256(expected.data(), reinterpret_cast<const unsigned char *>("C1"), 2, key.data());
        QVERIFY(a.hasClaimRef);
        QVERIFY(std::equal(expected.begin(), expected.end(), a.claimRefHmac.begin()));
    }

    void missingRequiredValueRejectsAsMissingFields_data()
    {
        QTest::addColumn<int>("field");
        QTest::addColumn<int>("column");
        QTest::newRow("payer") << 1 << int(Column::Payer);
        QTest::newRow("cpt") << 2 << int(Column::Cpt);
        QTest::newRow("submitted") << 3 << int(Column::SubmittedDate);
        QTest::newRow("decided") << 4 << int(Column::DecidedDate);
        // outcome: a blank outcome is PENDING, not missing (pendingSynonymsAndBlankOutcomeAreAcceptedAsPending)
    }
    void missingRequiredValueRejectsAsMissingFields()
    {
        QFETCH(int, field);
        QFETCH(int, column);
        const Run r = run(row(field, "  "));
        QCOMPARE(r.report.rejected, std::uint64_t(1));
        QCOMPARE(r.report.categoryCounts[std::size_t(Category::MissingFields)], std::uint64_t(1));
        QCOMPARE(onlyIssue(r), IssueCode::MissingValue);
        QCOMPARE(int(r.report.issues[0].column), column);
        QCOMPARE(r.report.issues[0].row, std::uint64_t(2));
    }

    void rejectionsFollowTheSpecOrder()
    {
        // missing beats PHI, PHI beats dates, dates beat values: the first failure decides the category.
        std::string missingAndPhi = row(2, "");
        missingAndPhi.replace(missingAndPhi.find("Aetna"), 5, "John Smith");
        std::string phiAndDate = row(3, "2024-02-30");
        phiAndDate.replace(phiAndDate.find("Aetna"), 5, "John Smith");
        const Run r = run(missingAndPhi + phiAndDate + row(3, "bad") + row(6, "abc") +
                          row(4, "2023-12-31")); // decided before submitted
        const auto &c = r.report.categoryCounts;
        QCOMPARE(c[std::size_t(Category::MissingFields)], std::uint64_t(1));
        QCOMPARE(c[std::size_t(Category::PhiDetections)], std::uint64_t(1));
        QCOMPARE(c[std::size_t(Category::InvalidDates)], std::uint64_t(2));
        QCOMPARE(c[std::size_t(Category::InvalidValues)], std::uint64_t(1));
        QCOMPARE(r.report.issues.size(), std::size_t(5));
        QCOMPARE(r.report.issues[2].value, std::string("bad")); // raw value kept when it is not PHI
        QCOMPARE(r.report.issues[4].code, IssueCode::DecidedBeforeSubmitted);
        QCOMPARE(r.report.issues[4].row, std::uint64_t(6));
    }

    void datesRules()
    {
        QCOMPARE(parseDate("2024-02-29"), daysFromCivil(2024, 2, 29));
        QCOMPARE(parseDate("02/29/2024"), daysFromCivil(2024, 2, 29));
        QCOMPARE(parseDate("2/9/2024"), daysFromCivil(2024, 2, 9));
        QCOMPARE(parseDate("2024/12/31"), daysFromCivil(2024, 12, 31));
        QCOMPARE(parseDate("1970-01-01"), 0);
        QCOMPARE(parseDate("2023-02-29"), claims::kNoDate);
        QCOMPARE(parseDate("2024-13-01"), claims::kNoDate);
        QCOMPARE(parseDate("31/12/2024"), claims::kNoDate);
        QCOMPARE(parseDate("2024-1-2x"), claims::kNoDate);
        QCOMPARE(parseDate(""), claims::kNoDate);
        const Run future = run(row(3, "2024-07-01") + row(4, "2024-07-01"));
        QCOMPARE(future.report.codeCounts[std::size_t(IssueCode::DateAfterImport)], std::uint64_t(1));
        QCOMPARE(future.report.accepted, std::uint64_t(1)); // decided after the import date is allowed
    }

    void paymentDateBeforeDecidedWarnsAndIsStoredEmpty()
    {
        const Run r = run(row(9, "2024-01-05") + row(9, "someday"));
        QCOMPARE(r.report.accepted, std::uint64_t(2));
        QCOMPARE(r.report.codeCounts[std::size_t(IssueCode::PaymentBeforeDecided)], std::uint64_t(1));
        QCOMPARE(r.report.codeCounts[std::size_t(IssueCode::PaymentDateInvalid)], std::uint64_t(1));
        QCOMPARE(r.rows[0].paymentDate, claims::kNoDate);
        QCOMPARE(r.rows[1].paymentDate, claims::kNoDate);
    }

    void amountRules()
    {
        std::int64_t c = 0;
        QCOMPARE(parseAmount("$1,234.56", &c), AmountParse::Ok);
        QCOMPARE(c, std::int64_t(123456));
        QCOMPARE(parseAmount("-$5", &c), AmountParse::Ok);
        QCOMPARE(c, std::int64_t(-500));
        QCOMPARE(parseAmount("0.125", &c), AmountParse::Ok);
        QCOMPARE(c, std::int64_t(13));
        QCOMPARE(parseAmount(" ", &c), AmountParse::Empty);
        QCOMPARE(parseAmount("12..5", &c), AmountParse::Bad);
        QCOMPARE(parseAmount("$", &c), AmountParse::Bad);
        QCOMPARE(parseAmount("1e5", &c), AmountParse::Bad);
        const Run r = run(row(6, "2000000") + row(7, "50") + row(8, "500") + row(7, "-1") + row(8, "x"));
        QCOMPARE(r.report.codeCounts[std::size_t(IssueCode::AmountOutOfRange)], std::uint64_t(1));
        QCOMPARE(r.report.codeCounts[std::size_t(IssueCode::BilledBelowAllowed)], std::uint64_t(2)); // rows 1, 2
        QCOMPARE(r.report.codeCounts[std::size_t(IssueCode::PaidAboveAllowed)], std::uint64_t(1));
        QCOMPARE(r.report.codeCounts[std::size_t(IssueCode::BilledNegative)], std::uint64_t(1));
        QCOMPARE(r.report.codeCounts[std::size_t(IssueCode::AmountUnparsable)], std::uint64_t(1));
        QCOMPARE(r.report.accepted, std::uint64_t(4));
        QCOMPARE(r.report.warnings, std::uint64_t(5));
        QCOMPARE(r.report.rowsWithWarnings, std::uint64_t(4));
    }

    void codeAndOutcomeWarnings()
    {
        QVERIFY(isValidCpt("99213") && isValidCpt("G0439") && isValidCpt("3074F") && isValidCpt("0042T"));
        QVERIFY(!isValidCpt("9921") && !isValidCpt("ABCDE") && !isValidCpt("99213X"));
        QVERIFY(isValidReasonCode("CO-45") && isValidReasonCode("PR1") && isValidReasonCode("N45") &&
                isValidReasonCode("197"));
        QVERIFY(!isValidReasonCode("XX-45") && !isValidReasonCode("CO-12345") && !isValidReasonCode("ABC"));
        QCOMPARE(parseOutcome(" approved"), claims::Outcome::Paid);
        QCOMPARE(parseOutcome("Declined"), claims::Outcome::Denied);
        QCOMPARE(parseOutcome("pended"), claims::Outcome::Other);
        std::string denied = row(5, "REJECTED");
        const Run r = run(row(2, "9921") + row(5, "pended") + denied + row(10, "co-45") + row(10, "ZZ-9"));
        const auto &codes = r.report.codeCounts;
        QCOMPARE(codes[std::size_t(IssueCode::CptFormat)], std::uint64_t(1));
        QCOMPARE(codes[std::size_t(IssueCode::OutcomeOther)], std::uint64_t(1));
        QCOMPARE(codes[std::size_t(IssueCode::DeniedWithoutCode)], std::uint64_t(1));
        QCOMPARE(codes[std::size_t(IssueCode::ReasonCodeFormat)], std::uint64_t(1));
        QCOMPARE(r.report.accepted, std::uint64_t(5));
        QCOMPARE(r.rows[1].outcome, claims::Outcome::Other);
        QCOMPARE(r.rows[2].outcome, claims::Outcome::Denied);
        QCOMPARE(r.rows[3].denialReasonCode, std::string("CO-45"));
    }

    void pendingSynonymsAndBlankOutcomeAreAcceptedAsPending_data()
    {
        QTest::addColumn<QString>("outcome");
        for (const char *v : {"PENDING", "pending", "Submitted", "SUBMITTED", "In Process", " in process ",
                              "IN_PROCESS", "in-process", "Open", "OPEN", "", "   "})
            QTest::newRow(*v ? v : "blank") << QString::fromLatin1(v);
    }
    void pendingSynonymsAndBlankOutcomeAreAcceptedAsPending()
    {
        QFETCH(QString, outcome);
        QCOMPARE(parseOutcome(outcome.toStdString()), claims::Outcome::Pending);
        const Run r = run(pendingRow(5, outcome.toStdString()) + row());
        QCOMPARE(r.report.accepted, std::uint64_t(2));
        QCOMPARE(r.report.rejected, std::uint64_t(0));
        QVERIFY2(r.report.issues.empty(), r.report.issues.empty() ? "" : issueCodeName(r.report.issues[0].code));
        QCOMPARE(r.report.warnings, std::uint64_t(0)); // pending is not a warning
        QCOMPARE(r.report.stats.pending, std::uint64_t(1));
        QCOMPARE(r.report.stats.paid, std::uint64_t(1));
        QCOMPARE(r.report.stats.other, std::uint64_t(0)); // not counted as OTHER
        QCOMPARE(r.rows.size(), std::size_t(2));
        const ClaimRow &p = r.rows[0];
        QCOMPARE(p.outcome, claims::Outcome::Pending);
        QCOMPARE(std::string(claims::outcomeName(p.outcome)), std::string("PENDING"));
        QCOMPARE(p.submittedDate, daysFromCivil(2024, 1, 2));
        QCOMPARE(p.decidedDate, claims::kNoDate);
        QCOMPARE(p.paymentDate, claims::kNoDate);
        QVERIFY(!p.paid.hasValue);
        // Amounts of an undecided claim are kept.
        QVERIFY(p.allowed.hasValue && p.billed.hasValue);
        QCOMPARE(p.allowed.cents, std::int64_t(10000));
        QCOMPARE(p.billed.cents, std::int64_t(15000));
    }

    void paidAndDeniedSynonymsIncludePartialPayments_data()
    {
        QTest::addColumn<QString>("outcome");
        QTest::addColumn<int>("expected");
        QTest::newRow("Partially Paid") << QStringLiteral("Partially Paid") << int(claims::Outcome::Paid);
        QTest::newRow("PARTIALLY_PAID") << QStringLiteral("PARTIALLY_PAID") << int(claims::Outcome::Paid);
        QTest::newRow("partial") << QStringLiteral(" partial ") << int(claims::Outcome::Paid);
        QTest::newRow("Accepted") << QStringLiteral("Accepted") << int(claims::Outcome::Paid);
        QTest::newRow("Rejected") << QStringLiteral("Rejected") << int(claims::Outcome::Denied);
        QTest::newRow("partly") << QStringLiteral("partly") << int(claims::Outcome::Other);
        QTest::newRow("pended") << QStringLiteral("pended") << int(claims::Outcome::Other);
        QTest::newRow("opened") << QStringLiteral("opened") << int(claims::Outcome::Other);
        QTest::newRow("long text") << QStringLiteral("partially paid and appealed") << int(claims::Outcome::Other);
    }
    void paidAndDeniedSynonymsIncludePartialPayments()
    {
        QFETCH(QString, outcome);
        QFETCH(int, expected);
        QCOMPARE(int(parseOutcome(outcome.toStdString())), expected);
        const Run r = run(row(5, outcome.toStdString()));
        QCOMPARE(r.report.accepted, std::uint64_t(1));
        QCOMPARE(int(r.rows.at(0).outcome), expected);
        QCOMPARE(r.report.codeCounts[std::size_t(IssueCode::OutcomeOther)],
                 std::uint64_t(expected == int(claims::Outcome::Other) ? 1 : 0));
    }

    void pendingRowDecisionFieldsWarnAndAreIgnored_data()
    {
        QTest::addColumn<int>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("column");
        QTest::newRow("decided_date") << 4 << QStringLiteral("2024-01-10") << int(Column::DecidedDate);
        QTest::newRow("decided_date unparsable") << 4 << QStringLiteral("soon") << int(Column::DecidedDate);
        QTest::newRow("decided before submitted") << 4 << QStringLiteral("2023-12-01") << int(Column::DecidedDate);
        QTest::newRow("payment_date") << 9 << QStringLiteral("2024-01-20") << int(Column::PaymentDate);
        QTest::newRow("paid_amount") << 8 << QStringLiteral("90.00") << int(Column::PaidAmount);
        QTest::newRow("paid_amount unparsable") << 8 << QStringLiteral("n/a") << int(Column::PaidAmount);
        QTest::newRow("denial_reason_code") << 10 << QStringLiteral("CO-45") << int(Column::DenialReasonCode);
        QTest::newRow("denial_reason_text") << 11 << QStringLiteral("not covered") << int(Column::DenialReasonText);
    }
    void pendingRowDecisionFieldsWarnAndAreIgnored()
    {
        QFETCH(int, field);
        QFETCH(QString, value);
        QFETCH(int, column);
        const Run r = run(pendingRow(field, value.toStdString()));
        QCOMPARE(r.report.accepted, std::uint64_t(1));
        QCOMPARE(r.report.rejected, std::uint64_t(0));
        QCOMPARE(onlyIssue(r), IssueCode::PendingValueIgnored);
        QCOMPARE(categoryOf(IssueCode::PendingValueIgnored), Category::Warning);
        QCOMPARE(int(r.report.issues[0].column), column);
        QCOMPARE(r.report.warnings, std::uint64_t(1));
        QCOMPARE(r.report.stats.pending, std::uint64_t(1));
        QVERIFY(issueMessage(r.report.issues[0]).contains(QLatin1String(columnName(Column(column)))));
        const ClaimRow &p = r.rows.at(0);
        QCOMPARE(p.outcome, claims::Outcome::Pending);
        QCOMPARE(p.decidedDate, claims::kNoDate);
        QCOMPARE(p.paymentDate, claims::kNoDate);
        QVERIFY(!p.paid.hasValue);
        QVERIFY(p.denialReasonCode.empty());
        QVERIFY(p.denialReasonText.empty());
        QCOMPARE(p.allowed.cents, std::int64_t(10000)); // amounts other than paid are kept
    }

    void pendingRowWithZeroPaidAmountIsNotWarned()
    {
        // Billing systems write 0.00 into paid_amount of an unpaid claim: dropped without a warning.
        const Run r = run(pendingRow(8, "0.00") + pendingRow(8, "$0"));
        QCOMPARE(r.report.accepted, std::uint64_t(2));
        QCOMPARE(r.report.warnings, std::uint64_t(0));
        QVERIFY(!r.rows.at(0).paid.hasValue && !r.rows.at(1).paid.hasValue);
    }

    void pendingRowStillFollowsTheOtherRules()
    {
        // Pending relaxes only the decision fields: submitted_date, PHI and the other values still reject.
        std::string phi = pendingRow();
        phi.replace(phi.find("Aetna"), 5, "John Smith");
        const Run r = run(pendingRow(3, "") + pendingRow(3, "2024-07-01") + phi + pendingRow(6, "abc") +
                          pendingRow(10, "123-45-6789"));
        QCOMPARE(r.report.accepted, std::uint64_t(0));
        const auto &c = r.report.categoryCounts;
        QCOMPARE(c[std::size_t(Category::MissingFields)], std::uint64_t(1));
        QCOMPARE(c[std::size_t(Category::InvalidDates)], std::uint64_t(1));
        QCOMPARE(c[std::size_t(Category::PhiDetections)], std::uint64_t(2));
        QCOMPARE(c[std::size_t(Category::InvalidValues)], std::uint64_t(1));
        QCOMPARE(r.report.stats.pending, std::uint64_t(0)); // only accepted rows count
    }

    void decidedRowWithoutDecidedDateIsStillRejected_data()
    {
        QTest::addColumn<QString>("outcome");
        QTest::addColumn<QString>("decided");
        QTest::addColumn<int>("category");
        QTest::addColumn<int>("code");
        for (const char *o : {"PAID", "Partially Paid", "DENIED", "pended"}) {
            QTest::addRow("%s missing", o)
                << QString::fromLatin1(o) << QString() << int(Category::MissingFields) << int(IssueCode::MissingValue);
            QTest::addRow("%s unparsable", o) << QString::fromLatin1(o) << QStringLiteral("2024-02-30")
                                              << int(Category::InvalidDates) << int(IssueCode::DateUnparsable);
        }
    }
    void decidedRowWithoutDecidedDateIsStillRejected()
    {
        QFETCH(QString, outcome);
        QFETCH(QString, decided);
        QFETCH(int, category);
        QFETCH(int, code);
        std::string line = row(5, outcome.toStdString());
        const std::string good = ",2024-01-10,";
        line.replace(line.find(good), good.size(), "," + decided.toStdString() + ",");
        const Run r = run(line);
        QCOMPARE(r.report.rejected, std::uint64_t(1));
        QCOMPARE(r.report.categoryCounts[std::size_t(category)], std::uint64_t(1));
        QCOMPARE(int(onlyIssue(r)), code);
        QCOMPARE(int(r.report.issues[0].column), int(Column::DecidedDate));
        QCOMPARE(r.report.stats.pending, std::uint64_t(0));
    }

    void pendingRowsStayOutOfOutcomeMixAndDecidedDateCompleteness()
    {
        // 6 pending + 3 paid + 1 denied: as OTHER the pending rows would shift the mix by 0.50, and an empty
        // decided_date or paid_amount on 6 of 10 rows would be a missing-data spike. Neither is an anomaly: pending
        // claims are normal.
        std::string body;
        for (int i = 0; i < 6; ++i)
            body += pendingRow(0, "P" + std::to_string(i));
        for (int i = 0; i < 3; ++i)
            body += row(0, "D" + std::to_string(i));
        body += "D3,Aetna,99213,2024-01-02,2024-01-10,DENIED,100.00,150.00,0,,CO-45,contractual\n"; // 3:1 is the
                                                                                                    // default mix
        const Run r = run(body);
        QCOMPARE(r.report.accepted, std::uint64_t(10));
        QCOMPARE(r.report.stats.pending, std::uint64_t(6));
        QCOMPARE(r.report.stats.paid + r.report.stats.denied + r.report.stats.other, std::uint64_t(4));
        for (const quality::Anomaly &a : r.report.anomalies)
            QVERIFY2(a.type != "outcome_shift" && a.type != "missing_data", (a.type + " " + a.subject).c_str());
        bool sawDecided = false;
        for (const quality::ColumnFill &f : r.report.stats.columns) {
            if (f.column == "decided_date") {
                sawDecided = true;
                QCOMPARE(f.applicable, std::uint64_t(4));
                QCOMPARE(f.empty, std::uint64_t(0));
            }
            if (f.column == "paid_amount")
                QCOMPARE(f.applicable, std::uint64_t(4)); // not on pending rows
            if (f.column == "payment_date")
                QCOMPARE(f.applicable, std::uint64_t(3)); // only payments
        }
        QVERIFY(sawDecided);
        // A decided row that lacks its decided date still counts as missing (and is rejected).
        const Run missing = run(body + row(4, ""));
        for (const quality::ColumnFill &f : missing.report.stats.columns)
            if (f.column == "decided_date")
                QCOMPARE(f.empty, std::uint64_t(1));
    }

    void textLimits()
    {
        const Run r = run(row(1, std::string(256, 'A')) + row(2, "99213999999") + row(11, std::string(600, 'x')));
        QCOMPARE(r.report.codeCounts[std::size_t(IssueCode::TextTooLong)], std::uint64_t(2));
        QCOMPARE(r.report.codeCounts[std::size_t(IssueCode::ReasonTextTruncated)], std::uint64_t(1));
        QCOMPARE(r.rows.at(0).denialReasonText.size(), std::size_t(500));
    }

    void rowNumbersCountRecordsWithHeaderAsRowOne()
    {
        const Run r = run(row() + "C2,Aetna,99213,2024-01-02,2024-01-10,PAID,1,1,1,,,\"multi\nline\"\n" + row(3, "x"));
        QCOMPARE(r.report.issues.size(), std::size_t(1));
        QCOMPARE(r.report.issues[0].row, std::uint64_t(4));
    }

    void rejectedRowsExportToCsv()
    {
        QTemporaryDir dir;
        ValidationOptions o = baseOptions();
        o.rejectedRowsCsvPath = dir.filePath(QStringLiteral("rejected.csv"));
        std::string phi = row(1, "Mary Johnson");
        const Run r = run(row(3, "13/45/2024") + phi + row(6, "\"1,2,3x\""), o);
        QCOMPARE(r.report.rejected, std::uint64_t(3));
        QFile f(o.rejectedRowsCsvPath);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray csv = f.readAll();
        QVERIFY2(csv.startsWith("row,column,value,code,message\n"), csv.constData());
        QVERIFY2(csv.contains("2,submitted_date,13/45/2024,date_unparsable,"), csv.constData());
        QVERIFY2(csv.contains("3,payer,,phi_detected,"), csv.constData());
        QVERIFY2(csv.contains("4,allowed_amount,\"1,2,3x\",amount_unparsable,"), csv.constData());
        QVERIFY(!csv.contains("Mary") && !csv.contains("Johnson"));
    }

    void keptIssuesAreCappedButCountsAreComplete()
    {
        std::string body;
        for (int i = 0; i < 5000; ++i)
            body += row(3, "bad");
        ValidationOptions o = baseOptions();
        o.maxIssues = 100;
        o.limits.blockBytes = 4096;
        const Run r = run(body, o);
        QCOMPARE(r.report.categoryCounts[std::size_t(Category::InvalidDates)], std::uint64_t(5000));
        QCOMPARE(r.report.issues.size(), std::size_t(100));
        QVERIFY(r.report.issuesTruncated);
        QCOMPARE(r.report.issues.back().row, std::uint64_t(101));
    }

    void progressCanCancel()
    {
        std::string bytes = kHeader;
        for (int i = 0; i < 20000; ++i)
            bytes += row();
        ValidationOptions o = baseOptions();
        o.limits.blockBytes = 4096;
        int calls = 0;
        o.progress = [&](std::uint64_t done, std::uint64_t total, std::uint64_t) {
            return ++calls < 3 && done <= total;
        };
        const auto report = validateCsvBytes(bytes, o);
        QVERIFY(!report.ok());
        QCOMPARE(report.error().code, ErrorCode::Cancelled);
        QCOMPARE(calls, 3);
    }

    void fileImportedBeforeIsWarned()
    {
        std::set<QByteArray> imported;
        ValidationOptions o = baseOptions();
        o.importedBefore = [&](const QByteArray &sha) { return !imported.insert(sha).second; };
        const std::string body = row() + row(0, "C2");
        const Run first = run(body, o), second = run(body, o), other = run(body + row(0, "C3"), o);
        QVERIFY(!first.report.duplicateFile);
        QVERIFY(second.report.duplicateFile);
        QVERIFY(!other.report.duplicateFile);
        const std::string bytes = kHeader + body;
        QByteArray expected(crypto_hash_sha256_BYTES, 0);
        crypto_hash_sha256(reinterpret_cast<unsigned char *>(expected.data()),
                           reinterpret_cast<const unsigned char *>(bytes.data()), bytes.size());
        QCOMPARE(first.report.fileSha256.toHex(), expected.toHex());
    }

    void largeFileCountsMatchAcrossThreadCounts()
    {
        std::string body;
        for (int i = 0; i < 30000; ++i)
            body += (i % 97 == 0)   ? row(3, "bad")
                    : (i % 89 == 0) ? row(1, "")
                                    : row(0, "C" + std::to_string(i % 25000));
        ValidationOptions one = baseOptions(), four = baseOptions();
        one.threads = 1;
        four.threads = 4;
        one.limits.blockBytes = four.limits.blockBytes = 8192;
        const Run a = run(body, one), b = run(body, four);
        QCOMPARE(a.report.totalRows, std::uint64_t(30000));
        QCOMPARE(b.report.accepted, a.report.accepted);
        QCOMPARE(b.report.categoryCounts, a.report.categoryCounts);
        QCOMPARE(b.report.stats.duplicates, a.report.stats.duplicates);
        QVERIFY(a.report.stats.duplicates >= 4500); // C0..C4999 repeat (minus rejected rows)
        QCOMPARE(b.rows.size(), a.rows.size());
        for (std::size_t i = 1; i < b.rows.size(); ++i)
            QVERIFY(b.rows[i].sourceRow > b.rows[i - 1].sourceRow); // delivered in file order
        QCOMPARE(b.report.issues.front().row, std::uint64_t(2));
    }
};

QTEST_GUILESS_MAIN(TestClaimValidationRules)
#include "tst_claim_validation_rules.moc"
