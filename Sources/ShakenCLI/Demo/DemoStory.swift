import CertificateRevocation
import Foundation
import PASSporT
import STIRCertificates
import STIRServices
import TNAuthList
import X509

/// One step of the demo: what happened, the key facts, and whether it behaved as the story says.
struct DemoStep {
    let title: String
    let facts: [(String, String)]
    let ok: Bool

    var json: JSONOutput {
        .object([
            .init("title", .string(title)),
            .init("facts", .object(facts.map { JSONOutput.Member($0.0, .string($0.1)) })),
            .init("asExpected", .bool(ok)),
        ])
    }
}

/// The delegate-certificate story of ATIS-1000092 §6.2 told end to end in process, with real keys and
/// the current time: an enterprise signs with its delegate certificate, the OSP verifies it and attests
/// "A", the terminating side verifies the OSP's PASSporT; then a number outside the delegated range and a
/// revoked delegate certificate, each of which drops the OSP to "B" with the reason kept.
struct DemoStory {
    static let enterpriseX5U = "https://certs.enterprise.example/delegate.pem"
    static let ospX5U = "https://certs.tnsp.example/shaken-5678.pem"
    static let called = "13035550123"

    let pki: DemoPKI
    var steps: [DemoStep] = []

    init(now: Date) throws {
        pki = try DemoPKI(now: now)
    }

    private static func scope(_ certificate: Certificate) -> String {
        guard let list = (try? certificate.extensions.tnAuthList) ?? nil else { return "none" }
        return list.entries.map(TNAuthListPresentation.text).joined(separator: "; ")
    }

    private func service(crls: [CertificateRevocationList]) -> VerificationService {
        let configuration = STITrustConfiguration(
            trustAnchors: [pki.root.certificate], crlSigners: [pki.crlSigner.certificate], crlSource: StaticCRLSource(crls)
        )
        let chains = [
            Self.enterpriseX5U: [pki.delegate.certificate, pki.subordinateCA.certificate, pki.intermediate.certificate],
            Self.ospX5U: [pki.ospEndEntity.certificate, pki.intermediate.certificate],
        ]
        return VerificationService(
            chainVerifier: STIChainVerifier(configuration: configuration), fetcher: StaticCertificateChainFetcher(chains)
        )
    }

    mutating func run() async throws {
        let now = pki.now
        steps.append(
            DemoStep(
                title: "The STI-PA creates its CRL signer (signs the indirect CRL for STI-CA and STI-SCA certificates)",
                facts: [("subject", pki.crlSigner.certificate.subject.description)], ok: true
            )
        )
        steps.append(
            DemoStep(
                title: "The STI-CA creates its root (trust anchor) and intermediate",
                facts: [
                    ("root", pki.root.certificate.subject.description),
                    ("intermediate", pki.intermediate.certificate.subject.description),
                ],
                ok: true
            )
        )
        steps.append(
            DemoStep(
                title: "The TN service provider (the OSP) gets its SHAKEN certificate and its STI-SCA certificate",
                facts: [
                    ("SHAKEN certificate", "\(pki.ospEndEntity.certificate.subject), TNAuthList \(Self.scope(pki.ospEndEntity.certificate))"),
                    ("STI-SCA certificate", "\(pki.subordinateCA.certificate.subject), TNAuthList \(Self.scope(pki.subordinateCA.certificate))"),
                ],
                ok: true
            )
        )
        steps.append(
            DemoStep(
                title: "The STI-SCA issues the enterprise a delegate certificate for a sub-range",
                facts: [
                    ("subject", pki.delegate.certificate.subject.description),
                    ("TNAuthList", Self.scope(pki.delegate.certificate)),
                    ("profile", ProfileArgument.name(of: STICertificateProfile.classify(pki.delegate.certificate, issuer: pki.subordinateCA.certificate))),
                ],
                ok: true
            )
        )
        let goodCRLs = [try pki.stiPACRL(), try pki.scaCRL(revokingDelegate: false, number: 1)]
        try await call(
            "The enterprise calls from a delegated number", orig: "12025550112", crls: goodCRLs, now: now,
            expect: .full, expectFailure: nil
        )
        try await call(
            "The same call from a number outside the delegated range", orig: "12025550190", crls: goodCRLs, now: now,
            expect: .partial, expectFailure: .origOutOfScope
        )
        let revokedCRLs = [try pki.stiPACRL(), try pki.scaCRL(revokingDelegate: true, number: 2)]
        steps.append(
            DemoStep(
                title: "The STI-SCA revokes the delegate certificate on its CRL",
                facts: [("revoked serial", Hex.encode(pki.delegate.certificate.serialNumber.bytes))], ok: true
            )
        )
        try await call(
            "The enterprise calls again with the revoked delegate certificate", orig: "12025550112", crls: revokedCRLs,
            now: now, expect: .partial, expectFailure: .certificateRevoked
        )
    }

    /// One call: the enterprise signs an rcd PASSporT, the OSP attests and signs, the terminating side verifies.
    private mutating func call(
        _ title: String, orig: String, crls: [CertificateRevocationList], now: Date,
        expect: Attestation, expectFailure: VerificationFailure?
    ) async throws {
        let origTN = try TelephoneNumber(orig)
        let destTN = try TelephoneNumber(Self.called)
        let enterprise = try AuthenticationService(privateKey: pki.delegate.key, x5u: Self.enterpriseX5U, clock: { now })
        let customerHeader = try enterprise.signRichCallData(
            orig: origTN, dest: [destTN], rcd: RichCallData(name: "Demo Enterprise"), iat: now
        )
        steps.append(
            DemoStep(
                title: "\(title): the enterprise signs an rcd PASSporT with its delegate certificate",
                facts: [("orig", orig), ("dest", Self.called), ("x5u", Self.enterpriseX5U)], ok: true
            )
        )
        let verification = service(crls: crls)
        let ospSigner = try AuthenticationService(privateKey: pki.ospEndEntity.key, x5u: Self.ospX5U, clock: { now })
        let osp = OSPAttestationService(verification: verification, signer: ospSigner)
        let customer = OSPCustomerRecord(id: "demo-enterprise", isDirectCustomer: true)
        let decision = try await osp.attest(
            call: OriginatingCall(
                orig: origTN, dest: [destTN], customer: customer, customerIdentityHeaders: [customerHeader],
                origid: UUID().uuidString.lowercased(), now: now
            )
        )
        var facts: [(String, String)] = [("attest", decision.level.rawValue), ("rule", decision.rule.rawValue)]
        let evidence = decision.evidence
        if let subject = evidence.certificateSubject { facts.append(("delegate certificate", subject)) }
        if let serial = evidence.certificateSerialNumber { facts.append(("serial", serial)) }
        if let fingerprint = evidence.certificateFingerprintSHA256 { facts.append(("SHA-256", fingerprint)) }
        if let verstat = evidence.customerVerstat { facts.append(("customer PASSporT verstat", verstat.rawValue)) }
        if let failure = evidence.customerFailure {
            facts.append(("customer PASSporT failure", "\(failure.sipStatusCode) \(failure.reasonText) (\(failure.rawValue))"))
        }
        if let reason = evidence.customerFailureReason { facts.append(("reason", reason)) }
        let attestOK = decision.level == expect && evidence.customerFailure == expectFailure
        steps.append(DemoStep(title: "The OSP verifies the customer's PASSporT and attests", facts: facts, ok: attestOK))

        let outcome = await verification.verify(
            VerificationRequest(identityHeaders: [decision.identityHeader], orig: origTN, dest: [destTN], now: now)
        )
        var terminating: [(String, String)] = [("verstat", outcome.verstat.rawValue)]
        if let attest = outcome.attestation { terminating.append(("attest", attest.rawValue)) }
        if let failure = outcome.failure { terminating.append(("failure", "\(failure.sipStatusCode) \(failure.reasonText)")) }
        if let leaf = outcome.chain?.leaf { terminating.append(("signer", leaf.subject.description)) }
        steps.append(
            DemoStep(
                title: "The terminating side verifies the OSP's SHAKEN PASSporT",
                facts: terminating, ok: outcome.verstat == .passed && outcome.attestation == expect
            )
        )
    }
}
