import CertificateRevocation
import Foundation
import STIRCertificates
import STIRServices
import STIRTesting
import X509
import Testing

@Suite("Validated chain cache")
struct ValidatedChainCacheTests {
    /// Validates the SP chain through a service backed by `cache`, returning the cached entry.
    func primed(_ fixture: Fixture, crls: [CertificateRevocationList], capacity: Int = 10) async throws -> ValidatedChainCache {
        let cache = ValidatedChainCache(capacity: capacity, crlSource: StaticCRLSource(crls))
        let outcome = try await fixture.service(crls: crls, cache: cache).verify(fixture.request([fixture.spShaken()]))
        #expect(outcome.verstat == .passed, "\(outcome.failureReason ?? "")")
        return cache
    }

    @Test("a hit returns the chain while the CRLs are unchanged and current")
    func hit() async throws {
        let fixture = try Fixture()
        let cache = try await primed(fixture, crls: fixture.crls())
        #expect(await cache.chain(for: Fixture.spX5U, at: fixture.now + 60) != nil)
        #expect(await cache.chain(for: "https://cert.sp.example/other.pem", at: fixture.now) == nil)
    }

    @Test("an entry never outlives the chain's notAfter")
    func expiry() async throws {
        let fixture = try Fixture()
        let crls = try fixture.crls(nextUpdate: fixture.now + 1_000 * TestPKI.day)
        let cache = try await primed(fixture, crls: crls)
        let notAfter = try #require(await cache.chain(for: Fixture.spX5U, at: fixture.now)?.notAfter)
        #expect(await cache.chain(for: Fixture.spX5U, at: notAfter + 1) == nil)
        #expect(await cache.count == 0)
    }

    @Test("a changed CRL set (e.g. a new CRL listing the leaf) turns the hit into a miss")
    func revocationRecheck() async throws {
        let fixture = try Fixture()
        let before = try fixture.crls()
        let source = MutableCRLSource(before)
        let watched = ValidatedChainCache(crlSource: source)
        let service = try fixture.service(crls: before, cache: watched)
        #expect(try await service.verify(fixture.request([fixture.spShaken()])).verstat == .passed)
        #expect(await watched.chain(for: Fixture.spX5U, at: fixture.now) != nil)
        await source.replace(with: try fixture.crls(revoking: [fixture.pki.endEntity]))
        #expect(await watched.chain(for: Fixture.spX5U, at: fixture.now) == nil)
        #expect(await watched.count == 0)
    }

    @Test("a CRL past nextUpdate plus grace turns the hit into a miss")
    func staleCRL() async throws {
        let fixture = try Fixture()
        let cache = try await primed(fixture, crls: fixture.crls(nextUpdate: fixture.now + 600))
        #expect(await cache.chain(for: Fixture.spX5U, at: fixture.now + 600 + 3_600) != nil)
        #expect(await cache.chain(for: Fixture.spX5U, at: fixture.now + 600 + 3_601) == nil)
    }

    @Test("the cache is bounded and evicts the least recently used entry")
    func bounded() async throws {
        let fixture = try Fixture()
        let crls = try fixture.crls()
        let cache = ValidatedChainCache(capacity: 2, crlSource: StaticCRLSource(crls))
        let service = try fixture.service(crls: crls, cache: cache)
        let sp = try fixture.spShaken()
        #expect(await service.verify(try fixture.request([sp])).verstat == .passed)
        let delegate = try fixture.signer(fixture.pki.delegateEndEntity, x5u: Fixture.delegateX5U)
            .signBase(orig: fixture.tn("12025550111"), dest: [fixture.tn("12125551213")], iat: fixture.now)
        #expect(await service.verifyCustomerPASSporT(try fixture.request([delegate], orig: "12025550111")).verstat == .passed)
        #expect(await cache.chain(for: Fixture.spX5U, at: fixture.now) != nil)  // SP is now the most recent
        let tenant = try fixture.signer(fixture.pki.delegateCAEndEntity, x5u: Fixture.subDelegateX5U)
            .signBase(orig: fixture.tn("12025550161"), dest: [fixture.tn("12125551213")], iat: fixture.now)
        #expect(await service.verifyCustomerPASSporT(try fixture.request([tenant], orig: "12025550161")).verstat == .passed)
        #expect(await cache.count == 2)
        #expect(await cache.chain(for: Fixture.delegateX5U, at: fixture.now) == nil)
        #expect(await cache.chain(for: Fixture.spX5U, at: fixture.now) != nil)
        #expect(await cache.chain(for: Fixture.subDelegateX5U, at: fixture.now) != nil)
    }
    @Test("while the source's revision is unchanged a hit does not ask for CRLs again; a new revision re-checks")
    func revisionFastPath() async throws {
        let fixture = try Fixture()
        let before = try fixture.crls()
        let source = RevisionedCRLSource(before)
        let cache = ValidatedChainCache(crlSource: source)
        let service = try fixture.service(crls: before, cache: cache)
        #expect(try await service.verify(fixture.request([fixture.spShaken()])).verstat == .passed)
        let asked = await source.requests
        #expect(await cache.chain(for: Fixture.spX5U, at: fixture.now + 60) != nil)
        #expect(await cache.chain(for: Fixture.spX5U, at: fixture.now + 120) != nil)
        #expect(await source.requests == asked, "a hit at an unchanged revision asked the source for CRLs")
        await source.replace(with: try fixture.crls(revoking: [fixture.pki.endEntity]))
        #expect(await cache.chain(for: Fixture.spX5U, at: fixture.now + 180) == nil)
        #expect(await source.requests > asked)
    }
}

/// A CRL source whose CRLs can be replaced, as a periodically refreshed STI-PA download would be.
actor MutableCRLSource: CRLSource {
    private var source: StaticCRLSource

    init(_ crls: [CertificateRevocationList]) {
        source = StaticCRLSource(crls)
    }

    func replace(with crls: [CertificateRevocationList]) {
        source = StaticCRLSource(crls)
    }

    func crls(for certificate: Certificate) async -> [CertificateRevocationList] {
        await source.crls(for: certificate)
    }
}

/// A refreshed CRL source that reports a revision and counts how often it is asked for CRLs.
actor RevisionedCRLSource: CRLSource {
    private var source: StaticCRLSource
    private var currentRevision: UInt64 = 1
    private(set) var requests = 0

    init(_ crls: [CertificateRevocationList]) {
        source = StaticCRLSource(crls)
    }

    func replace(with crls: [CertificateRevocationList]) {
        source = StaticCRLSource(crls)
        currentRevision += 1
    }

    var revision: UInt64? { currentRevision }

    func crls(for certificate: Certificate) async -> [CertificateRevocationList] {
        requests += 1
        return await source.crls(for: certificate)
    }
}
