import Foundation
import Testing
import X509

@testable import CertificateRevocation

@Suite("Issuing distribution point name against the certificate's distribution point (RFC 5280 §6.3.3 (b)(2)(i))")
struct CRLDistributionPointMatchTests {
    let now = TestPKI.referenceTime
    static let partition1 = "http://crl.example/partition-1.crl"
    static let partition2 = "http://crl.example/partition-2.crl"

    static func uri(_ value: String) -> GeneralName { .uniformResourceIdentifier(value) }

    static func fragment(_ unit: String) -> RelativeDistinguishedName {
        RelativeDistinguishedName(.init(type: .RDNAttributeType.organizationalUnitName, utf8String: unit))
    }

    static func idp(_ name: DistributionPointName?, indirect: Bool = false) throws -> IssuingDistributionPoint {
        try IssuingDistributionPoint(distributionPoint: name, indirectCRL: indirect)
    }

    @Test("A CRL whose IDP fullName holds one of the distribution point's names is usable", arguments: [
        [partition1],
        [partition2, partition1],
    ])
    func matchingFullName(idpNames: [String]) throws {
        let ca = try TestPKI.authority("Partitioned CA")
        let leaf = try TestPKI.leaf(serial: 30, issuedBy: ca)
        let crl = try TestPKI.crl(from: ca, entries: [], issuingDistributionPoint: try Self.idp(.fullName(idpNames.map(Self.uri))))
        let scope = CRLScope(distributionPoint: .fullName([Self.uri(Self.partition1)]))
        #expect(crl.validate(signer: ca.certificate, for: leaf, scope: scope, at: now) == .usable)
        #expect(crl.status(of: leaf, signer: ca.certificate, scope: scope, at: now) == .good)
    }

    @Test("A CRL for another partition is unusable and gives unknown, never good", arguments: [
        partition2,
        "HTTP://CRL.EXAMPLE/partition-1.crl",
    ])
    func otherPartition(idpURI: String) throws {
        let ca = try TestPKI.authority("Partitioned CA")
        let leaf = try TestPKI.leaf(serial: 31, issuedBy: ca)
        let crl = try TestPKI.crl(from: ca, entries: [], issuingDistributionPoint: try Self.idp(.fullName([Self.uri(idpURI)])))
        let scope = CRLScope(distributionPoint: .fullName([Self.uri(Self.partition1)]))
        #expect(crl.validate(signer: ca.certificate, for: leaf, scope: scope, at: now) == .unusable(.distributionPointMismatch))
        guard case .unknown(let reason) = crl.status(of: leaf, signer: ca.certificate, scope: scope, at: now) else {
            Issue.record("a CRL of another partition must not decide the status")
            return
        }
        #expect(reason == CRLValidity.UnusableReason.distributionPointMismatch.description)
    }

    @Test("A distribution point with only cRLIssuer is matched against the IDP names by its cRLIssuer names")
    func crlIssuerOnly() throws {
        let pa = try TestPKI.authority("Policy Administrator")
        let ca = try TestPKI.authority("Service Provider CA")
        let leaf = try TestPKI.leaf(serial: 32, issuedBy: ca)
        let scope = CRLScope(distributionPoint: nil, crlIssuer: [.directoryName(pa.name)])
        let named = try TestPKI.crl(from: pa, entries: [], issuingDistributionPoint: try Self.idp(.fullName([.directoryName(pa.name)]), indirect: true))
        #expect(named.validate(signer: pa.certificate, for: leaf, scope: scope, at: now) == .usable)
        let located = try TestPKI.crl(from: pa, entries: [], issuingDistributionPoint: try Self.idp(.fullName([Self.uri(Self.partition1)]), indirect: true))
        #expect(located.validate(signer: pa.certificate, for: leaf, scope: scope, at: now) == .unusable(.distributionPointMismatch))
        #expect(located.status(of: leaf, signer: pa.certificate, scope: scope, at: now) != .good)
    }

    @Test("An indirect CRL must also name the distribution point's fullName, not only its cRLIssuer")
    func indirectWithFullName() throws {
        let pa = try TestPKI.authority("Policy Administrator")
        let ca = try TestPKI.authority("Service Provider CA")
        let leaf = try TestPKI.leaf(serial: 33, issuedBy: ca)
        let scope = CRLScope(distributionPoint: .fullName([Self.uri(Self.partition1)]), crlIssuer: [.directoryName(pa.name)])
        let right = try TestPKI.crl(from: pa, entries: [], issuingDistributionPoint: try Self.idp(.fullName([Self.uri(Self.partition1)]), indirect: true))
        #expect(right.status(of: leaf, signer: pa.certificate, scope: scope, at: now) == .good)
        let wrong = try TestPKI.crl(from: pa, entries: [], issuingDistributionPoint: try Self.idp(.fullName([Self.uri(Self.partition2)]), indirect: true))
        #expect(wrong.validate(signer: pa.certificate, for: leaf, scope: scope, at: now) == .unusable(.distributionPointMismatch))
        let byIssuer = try TestPKI.crl(from: pa, entries: [], issuingDistributionPoint: try Self.idp(.fullName([.directoryName(pa.name)]), indirect: true))
        #expect(byIssuer.validate(signer: pa.certificate, for: leaf, scope: scope, at: now) == .unusable(.distributionPointMismatch))
    }

    @Test("Without a CRL distribution point only an IDP without a name, or named by the certificate issuer, covers the certificate")
    func noDistributionPoint() throws {
        let ca = try TestPKI.authority("Plain CA")
        let leaf = try TestPKI.leaf(serial: 34, issuedBy: ca)
        let unnamed = try TestPKI.crl(from: ca, entries: [], issuingDistributionPoint: try Self.idp(nil))
        #expect(unnamed.validate(signer: ca.certificate, for: leaf, at: now) == .usable)
        let byIssuer = try TestPKI.crl(from: ca, entries: [], issuingDistributionPoint: try Self.idp(.fullName([.directoryName(ca.name)])))
        #expect(byIssuer.validate(signer: ca.certificate, for: leaf, scope: .noDistributionPoint, at: now) == .usable)
        let partition = try TestPKI.crl(from: ca, entries: [], issuingDistributionPoint: try Self.idp(.fullName([Self.uri(Self.partition1)])))
        #expect(partition.validate(signer: ca.certificate, for: leaf, at: now) == .unusable(.distributionPointMismatch))
        #expect(partition.status(of: leaf, signer: ca.certificate, at: now) != .good)
        let relative = try TestPKI.crl(from: ca, entries: [], issuingDistributionPoint: try Self.idp(.nameRelativeToCRLIssuer(Self.fragment("p1"))))
        #expect(relative.validate(signer: ca.certificate, for: leaf, at: now) == .unusable(.distributionPointMismatch))
    }

    @Test("An IDP without a distribution point name covers every distribution point", arguments: [
        CRLScope.noDistributionPoint,
        CRLScope(distributionPoint: .fullName([uri(partition1)])),
        CRLScope(distributionPoint: .nameRelativeToCRLIssuer(fragment("p1"))),
    ])
    func unnamedIDP(scope: CRLScope) throws {
        let ca = try TestPKI.authority("Partitioned CA")
        let leaf = try TestPKI.leaf(serial: 35, issuedBy: ca)
        let crl = try TestPKI.crl(from: ca, entries: [TestPKI.entry(35)], issuingDistributionPoint: try Self.idp(nil))
        #expect(crl.validate(signer: ca.certificate, for: leaf, scope: scope, at: now) == .usable)
        guard case .revoked = crl.status(of: leaf, signer: ca.certificate, scope: scope, at: now) else {
            Issue.record("the unnamed IDP must let the CRL list the certificate")
            return
        }
    }

    @Test("nameRelativeToCRLIssuer is the CRL issuer's name with the fragment appended, on both sides")
    func relativeNames() throws {
        let ca = try TestPKI.authority("Partitioned CA")
        let leaf = try TestPKI.leaf(serial: 36, issuedBy: ca)
        let crl = try TestPKI.crl(from: ca, entries: [], issuingDistributionPoint: try Self.idp(.nameRelativeToCRLIssuer(Self.fragment("p1"))))
        let sameFragment = CRLScope(distributionPoint: .nameRelativeToCRLIssuer(Self.fragment("p1")))
        #expect(crl.validate(signer: ca.certificate, for: leaf, scope: sameFragment, at: now) == .usable)
        let spelledOut = CRLScope(distributionPoint: .fullName([.directoryName(CRLScope.append(Self.fragment("p1"), to: ca.name))]))
        #expect(crl.validate(signer: ca.certificate, for: leaf, scope: spelledOut, at: now) == .usable)
        let otherFragment = CRLScope(distributionPoint: .nameRelativeToCRLIssuer(Self.fragment("p2")))
        #expect(crl.validate(signer: ca.certificate, for: leaf, scope: otherFragment, at: now) == .unusable(.distributionPointMismatch))
    }

    @Test("A relative distribution point name of an indirect CRL is appended to the cRLIssuer name")
    func relativeIndirect() throws {
        let pa = try TestPKI.authority("Policy Administrator")
        let ca = try TestPKI.authority("Service Provider CA")
        let leaf = try TestPKI.leaf(serial: 37, issuedBy: ca)
        let crl = try TestPKI.crl(
            from: pa, entries: [], issuingDistributionPoint: try Self.idp(.nameRelativeToCRLIssuer(Self.fragment("p1")), indirect: true)
        )
        let scope = CRLScope(distributionPoint: .nameRelativeToCRLIssuer(Self.fragment("p1")), crlIssuer: [.directoryName(pa.name)])
        #expect(crl.validate(signer: pa.certificate, for: leaf, scope: scope, at: now) == .usable)
        let underIssuer = CRLScope(distributionPoint: .fullName([.directoryName(CRLScope.append(Self.fragment("p1"), to: ca.name))]), crlIssuer: [.directoryName(pa.name)])
        #expect(crl.validate(signer: pa.certificate, for: leaf, scope: underIssuer, at: now) == .unusable(.distributionPointMismatch))
    }
}
