import Foundation
import HTTPTypes
import Hummingbird

/// Serves a ``CertificateRepository`` (ATIS-1000080 §6.3.6; spec digest §4.2): `GET {path}/{name}.pem`
/// answers `application/pem-certificate-chain` with `Cache-Control: public, max-age=86400` (verifiers
/// cache at least 24 hours, ATIS-1000074), a strong `ETag` honoured by `If-None-Match` (304), and
/// 404 for anything unknown.
public enum CertificateRepositoryRouter {
    /// How long clients may cache a chain, in seconds.
    public static let maximumAge = 86_400

    /// A router serving only the repository, under `path` (e.g. `certs`, or empty for the root).
    public static func build(repository: any CertificateRepository, path: String = "") -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        addRoutes(to: router, repository: repository, path: path)
        return router
    }

    /// Adds the repository route to `router` under `path`.
    public static func addRoutes<Context: RequestContext>(to router: some RouterMethods<Context>, repository: any CertificateRepository, path: String = "") {
        let group = router.group(RouterPath(path))
        group.get("{file}") { request, context in try await serve(request, file: context.parameters.get("file"), repository: repository) }
        group.head("{file}") { request, context in
            var response = try await serve(request, file: context.parameters.get("file"), repository: repository)
            response.body = ResponseBody()
            return response
        }
    }

    static func serve(_ request: Request, file: String?, repository: any CertificateRepository) async throws -> Response {
        guard let file, file.hasSuffix(".pem") else { return notFound }
        let name = String(file.dropLast(4))
        guard (try? CertificateRepositoryRules.validate(name: name)) != nil, let chain = try await repository.chain(named: name) else {
            return notFound
        }
        var headers: HTTPFields = [
            .cacheControl: "public, max-age=\(maximumAge)",
            .eTag: chain.entityTag,
            .lastModified: HTTPDate.format(chain.publishedAt),
        ]
        if let match = request.headers[.ifNoneMatch], match.split(separator: ",").contains(where: {
            let tag = $0.trimmingCharacters(in: .whitespaces)
            return tag == chain.entityTag || tag == "*"
        }) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = MediaType.pemCertificateChain
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: chain.pem)))
    }

    private static var notFound: Response {
        ResponseBuilding.bytes(Array("not found\n".utf8), status: .notFound, contentType: "text/plain; charset=utf-8")
    }
}
