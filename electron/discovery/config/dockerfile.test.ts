import { describe, expect, it } from 'vitest';
import { analyzeDockerfile } from './dockerfile';
import { fixture, lineWith, testContext } from './test-support';

const text = fixture('docker/Dockerfile');

describe('analyzeDockerfile', () => {
  it("reads the final stage's ENTRYPOINT and CMD, continuation lines joined, with image paths taken back to the build context", () => {
    const findings = analyzeDockerfile('worker/Dockerfile', text, testContext())!;
    expect(findings.units).toEqual([]);
    // The build stage's CMD is not what the image runs; /app/dist/worker.js is dist/worker.js of the context.
    expect(findings.image).toMatchObject({ command: 'node --enable-source-maps dist/worker.js --queue payouts' });
    expect(findings.image!.evidence).toMatchObject({ ruleId: 'docker.entry-point.command', line: lineWith(text, 'CMD ["/app/dist/worker.js"') });
  });

  it('reads the shell form and a WORKDIR the context was copied into', () => {
    const shell = 'FROM python:3.12-slim\nWORKDIR /srv/agent\nCOPY . .\nCMD python -m support_agent.main --log-level info\n';
    expect(analyzeDockerfile('Dockerfile', shell, testContext())!.image!.command).toBe('python -m support_agent.main --log-level info');
    const absolute = 'FROM python:3.12-slim\nCOPY src/ /opt/app/src/\nCMD ["python", "/opt/app/src/main.py"]\n';
    expect(analyzeDockerfile('Dockerfile', absolute, testContext())!.image!.command).toBe('python src/main.py');
  });

  it('a single file copied into the working folder does not stand for that folder, and a file copied by name is that file', () => {
    const requirementsFirst = 'FROM python:3.12-slim\nWORKDIR /srv/refund-bot\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\nCMD ["python", "/srv/refund-bot/bot.py"]\n';
    expect(analyzeDockerfile('bots/refund_bot/Dockerfile', requirementsFirst, testContext())!.image!.command).toBe('python bot.py');
    const renamed = 'FROM python:3.12-slim\nCOPY src/run_agent.py /app/main.py\nCMD ["python", "/app/main.py"]\n';
    expect(analyzeDockerfile('Dockerfile', renamed, testContext())!.image!.command).toBe('python src/run_agent.py');
  });

  it('records the ports the final stage exposes', () => {
    const exposed = 'FROM node:20 AS build\nEXPOSE 9229\nFROM node:20-alpine\nEXPOSE 3000 8443/tcp\nCMD ["npm", "start"]\n';
    expect(analyzeDockerfile('web/Dockerfile', exposed, testContext())!.image).toMatchObject({ command: 'npm start', ports: ['3000', '8443/tcp'] });
  });

  it('gives nothing for an image that runs no command of its own, and survives broken exec forms', () => {
    expect(analyzeDockerfile('Dockerfile', 'FROM postgres:16\nENV POSTGRES_DB=ledger\n', testContext())).toBeNull();
    // Not JSON: Docker runs it through a shell, and it is read as words.
    expect(analyzeDockerfile('Dockerfile', 'FROM node:20\nCMD ["node", "server.js"\n', testContext())!.image!.command).toContain('server.js');
    expect(analyzeDockerfile('Dockerfile', '', testContext())).toBeNull();
  });

  it('says nothing when its rule is turned off', () => {
    expect(analyzeDockerfile('Dockerfile', 'FROM node:20\nCMD ["node", "server.js"]\n', testContext(['docker.entry-point.command']))).toBeNull();
  });
});
