// The regional ECR API endpoint for a registry host's region and domain,
// shared by GetAuthorizationToken (ecr-auth.ts) and BatchDeleteImage
// (delete/ecr.ts). Dual-stack registry names (`on.aws`) use the API of their
// partition's regular domain; FIPS registries the FIPS endpoint.
const API_DOMAIN: Record<string, string> = {
  'on.aws': 'amazonaws.com',
  'on.amazonwebservices.com.cn': 'amazonaws.com.cn'
}

/** `https://api.ecr.<region>.<domain>/`, or `https://ecr-fips.<region>.<domain>/`. */
export function ecrApiEndpoint(region: string, domain: string, fips: boolean): string {
  const apiDomain = API_DOMAIN[domain] ?? domain
  return fips ? `https://ecr-fips.${region}.${apiDomain}/` : `https://api.ecr.${region}.${apiDomain}/`
}
