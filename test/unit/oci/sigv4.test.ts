// The SigV4 signer against the worked example of the AWS documentation
// ("Examples of the complete Signature Version 4 signing process": IAM
// ListUsers, 2015-08-30 12:36:00 UTC, us-east-1), every intermediate value.
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { describe, test } from 'node:test'
import {
  canonicalRequest,
  signingKey,
  signV4,
  stringToSign,
  type SigningScope
} from '../../../src/oci/delete/sigv4.js'

const credentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY'
}
const scope: SigningScope = {
  region: 'us-east-1',
  service: 'iam',
  now: new Date('2015-08-30T12:36:00Z')
}
const request = {
  method: 'GET',
  url: new URL('https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08'),
  headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' },
  body: ''
}

describe('SigV4 reproduces the AWS documentation example', () => {
  test('canonical request and its hash', () => {
    const { text, signedHeaders } = canonicalRequest({
      ...request,
      headers: { ...request.headers, 'X-Amz-Date': '20150830T123600Z' }
    })
    assert.equal(
      text,
      [
        'GET',
        '/',
        'Action=ListUsers&Version=2010-05-08',
        'content-type:application/x-www-form-urlencoded; charset=utf-8',
        'host:iam.amazonaws.com',
        'x-amz-date:20150830T123600Z',
        '',
        'content-type;host;x-amz-date',
        'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
      ].join('\n')
    )
    assert.equal(signedHeaders, 'content-type;host;x-amz-date')
    assert.equal(
      createHash('sha256').update(text).digest('hex'),
      'f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59'
    )
    assert.equal(
      stringToSign(text, scope),
      'AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/iam/aws4_request\nf536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59'
    )
  })

  test('signing key', () => {
    assert.equal(
      signingKey(credentials.secretAccessKey, scope).toString('hex'),
      'c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9'
    )
  })

  test('Authorization header', () => {
    const headers = signV4(request, credentials, scope)
    assert.equal(headers['x-amz-date'], '20150830T123600Z')
    assert.equal(
      headers.authorization,
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, ' +
        'SignedHeaders=content-type;host;x-amz-date, ' +
        'Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7'
    )
  })
})

describe('SigV4 for the ECR JSON API', () => {
  const ecrScope: SigningScope = { region: 'eu-west-1', service: 'ecr', now: new Date('2026-03-01T08:00:00Z') }
  const ecr = {
    method: 'POST',
    url: new URL('https://api.ecr.eu-west-1.amazonaws.com/'),
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'AmazonEC2ContainerRegistry_V20150921.BatchDeleteImage'
    },
    body: '{"repositoryName":"app","imageIds":[{"imageTag":"old"}]}'
  }

  test('temporary credentials sign and send X-Amz-Security-Token', () => {
    const headers = signV4(ecr, { ...credentials, sessionToken: 'session-token' }, ecrScope)
    assert.equal(headers['x-amz-security-token'], 'session-token')
    assert.match(
      headers.authorization!,
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20260301\/eu-west-1\/ecr\/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target, Signature=[0-9a-f]{64}$/
    )
  })

  test('the body, the target and the secret all change the signature', () => {
    const signature = (h: Record<string, string>) => /Signature=(\w+)/.exec(h.authorization!)![1]
    const base = signature(signV4(ecr, credentials, ecrScope))
    const variants = [
      signV4({ ...ecr, body: ecr.body.replace('old', 'new') }, credentials, ecrScope),
      signV4({ ...ecr, headers: { ...ecr.headers, 'x-amz-target': 'AmazonEC2ContainerRegistry_V20150921.BatchGetImage' } }, credentials, ecrScope),
      signV4(ecr, { ...credentials, secretAccessKey: 'other' }, ecrScope),
      signV4(ecr, credentials, { ...ecrScope, region: 'us-east-1' })
    ]
    for (const v of variants) assert.notEqual(signature(v), base)
  })
})
