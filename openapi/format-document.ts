import { OpenApiBuilder } from 'openapi3-ts/oas31';
import type { OpenApiDocument } from './openapi-options.js';

/** The document as JSON text: two-space indent and a final newline. */
export function openApiToJson(document: OpenApiDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** The document as YAML text (openapi3-ts writes it with the `yaml` package). */
export function openApiToYaml(document: OpenApiDocument): string {
  return OpenApiBuilder.create(document as never).getSpecAsYaml(undefined, { aliasDuplicateObjects: false, lineWidth: 0 });
}
