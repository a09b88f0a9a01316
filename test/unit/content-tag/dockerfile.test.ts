// Which build args a Dockerfile declares and which stages it has.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { readDockerfile } from '../../../src/engine/content-tag/dockerfile.js'

const cases: Array<{
  name: string
  text: string
  args: string[]
  stages?: string[]
  standard?: boolean
}> = [
  { name: 'global ARG before FROM', text: 'ARG BASE=alpine\nFROM ${BASE}\n', args: ['BASE'] },
  {
    name: 'ARG inside a stage',
    text: 'FROM alpine\nARG VERSION\nRUN echo $VERSION\n',
    args: ['VERSION']
  },
  { name: 'several names in one ARG', text: 'FROM a\nARG A=1 B "C"=x\n', args: ['A', 'B', 'C'] },
  {
    name: 'quoted default with spaces',
    text: 'FROM a\nARG MSG="hello world" NEXT\n',
    args: ['MSG', 'NEXT']
  },
  { name: 'lower-case instruction', text: 'from a\narg lower\n', args: ['lower'] },
  { name: 'line continuation', text: 'FROM a\nARG A=1 \\\n    B=2\n', args: ['A', 'B'] },
  {
    name: 'comment and blank line inside a continuation',
    text: 'FROM a\nRUN true \\\n# note\n\n  && true\nARG X\n',
    args: ['X']
  },
  {
    name: 'backtick escape directive',
    text: '# escape=`\nFROM a\nARG A=1 `\n  B=2\n',
    args: ['A', 'B']
  },
  {
    name: 'commented-out ARG does not count',
    text: 'FROM a\n# ARG SECRET\n  # ARG OTHER\n',
    args: []
  },
  {
    name: 'ARG lines inside a heredoc do not count',
    text: 'FROM a\nRUN <<EOF\nARG NOPE\nEOF\nARG YES\n',
    args: ['YES']
  },
  {
    name: 'tab-stripping heredoc',
    text: 'FROM a\nCOPY <<-END /x\n\tARG NOPE\n\tEND\nARG YES\n',
    args: ['YES']
  },
  { name: 'ARG in the text of RUN does not count', text: 'FROM a\nRUN echo ARG NOPE\n', args: [] },
  {
    name: 'stage names are lower-cased',
    text: 'FROM golang AS Build\nFROM alpine as final\nFROM scratch\n',
    args: [],
    stages: ['build', 'final']
  },
  {
    name: 'FROM --platform with a stage',
    text: 'FROM --platform=$BUILDPLATFORM golang AS b\n',
    args: [],
    stages: ['b']
  },
  {
    name: 'docker/dockerfile syntax is standard',
    text: '# syntax=docker/dockerfile:1.7\nFROM a\n',
    args: [],
    standard: true
  },
  {
    name: 'another frontend is not',
    text: '# syntax=example.com/frontend:1\nFROM a\n',
    args: [],
    standard: false
  }
]

describe('Dockerfile facts', () => {
  for (const tc of cases) {
    test(tc.name, () => {
      const facts = readDockerfile(tc.text)
      assert.deepEqual([...facts.args].sort(), [...tc.args].sort())
      if (tc.stages) assert.deepEqual(facts.stages, tc.stages)
      if (tc.standard !== undefined) assert.equal(facts.standardFrontend, tc.standard)
    })
  }
})
