import type { oas30, oas31 } from 'openapi3-ts';

/** The OpenAPI versions the generator writes. */
export type OpenApiVersion = '3.1.0' | '3.0.3';

/**
 * Documentation that lives beside the contract, never inside it: a frontend that imports the
 * contract bundles none of this.
 */
interface OpenApiDocsOptions<TInfo, TServer, TSecurityScheme, TTag> {
  /** Title, version, description... @default title and version from the module manifest(s) */
  info?: Partial<TInfo>;
  servers?: TServer[];
  /**
   * Security schemes by name. A route that requires auth lists the schemes in its `auth.schemes`,
   * or else every scheme given here.
   */
  securitySchemes?: Record<string, TSecurityScheme>;
  /** Tag descriptions and order; tags that routes use but that are not listed here follow in order of use. */
  tags?: TTag[];
  /**
   * Example values for named schemas, by component name. Each is checked against its schema;
   * written as `examples` (3.1) or as the first one in `example` (3.0).
   * @example { Account: [{ id: '6f1c...', email: 'ada@example.com', name: 'Ada', createdAt: '2024-01-01T00:00:00.000Z' }] }
   */
  examples?: Record<string, readonly unknown[]>;
  /**
   * The security scheme that documents routes whose contract requires an `authorization` header.
   * Declared as an HTTP bearer scheme unless `securitySchemes` declares it.
   * @default 'bearerAuth'
   */
  authorizationHeaderScheme?: string;
}

/** Options of `generateOpenApi` for an OpenAPI 3.1 document (the default). */
export interface OpenApi31Options extends OpenApiDocsOptions<oas31.InfoObject, oas31.ServerObject, oas31.SecuritySchemeObject, oas31.TagObject> {
  /** @default '3.1.0' */
  openapi?: '3.1.0';
}

/** Options of `generateOpenApi` for an OpenAPI 3.0 document. */
export interface OpenApi30Options extends OpenApiDocsOptions<oas30.InfoObject, oas30.ServerObject, oas30.SecuritySchemeObject, oas30.TagObject> {
  openapi: '3.0.3';
}

export type GenerateOpenApiOptions = OpenApi31Options | OpenApi30Options;

/** A document of either version. */
export type OpenApiDocument = oas31.OpenAPIObject | oas30.OpenAPIObject;
