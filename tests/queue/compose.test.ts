// docker-compose.yml cannot be run here (no Docker); this checks its structure: services, dependencies, one image,
// no fixed names or ports on the scalable worker, and commands that exist in the CLI.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { commands } from "../../src/cli/commands.ts";
import { REPO_ROOT } from "../support/services.ts";
import { parseYamlSubset, type Node } from "./support/yaml-subset.ts";

type Map = Record<string, Node>;
const compose = parseYamlSubset(readFileSync(resolve(REPO_ROOT, "docker-compose.yml"), "utf8")) as Map;
const services = compose.services as Record<string, Map>;
const APP = ["migrate", "scheduler", "worker", "web"];

describe("docker-compose.yml", () => {
  it("has PostgreSQL 15, Redis 7 and the four app services", () => {
    expect(Object.keys(services).sort()).toEqual(["migrate", "postgres", "redis", "scheduler", "web", "worker"]);
    expect(services.postgres?.image).toBe("postgres:15");
    expect(services.redis?.image).toBe("redis:7");
    expect(services.redis?.command).toContain("noeviction");
    expect(Object.keys(compose.volumes as Map)).toEqual(["pgdata", "redisdata"]);
  });

  it("builds every app service from the one Dockerfile and runs a CLI command", () => {
    for (const name of APP) {
      const s = services[name] as Map;
      expect(s.build, name).toBe(".");
      expect(s.image, name).toBe("chipwatch:latest");
      const command = JSON.parse(s.command as string) as string[];
      expect(Object.keys(commands), `${name}: command ${command[0]} exists`).toContain(command[0]);
    }
    const dockerfile = readFileSync(resolve(REPO_ROOT, "Dockerfile"), "utf8");
    expect(dockerfile).toMatch(/^FROM node:20-bookworm-slim$/m);
    // The dependency patches must be in place when npm ci's postinstall applies them.
    const copyPatches = dockerfile.indexOf("COPY patches ./patches");
    expect(copyPatches).toBeGreaterThan(0);
    expect(dockerfile.indexOf("RUN npm ci")).toBeGreaterThan(copyPatches);
    // The image runs the compiled JavaScript with plain node: no tsx, no dev dependencies.
    expect(dockerfile).toMatch(/^ENTRYPOINT \["node", "dist\/src\/cli\.js"\]$/m);
    expect(dockerfile).toMatch(/npm prune --omit=dev/);
    expect(dockerfile).not.toMatch(/"tsx"|--import/);
  });

  it("starts long-running services only after the migration succeeded and the services are healthy", () => {
    expect((services.migrate?.depends_on as Map).postgres).toEqual({ condition: "service_healthy" });
    for (const name of ["scheduler", "worker", "web"]) {
      const deps = services[name]?.depends_on as Map;
      expect(deps.migrate, name).toEqual({ condition: "service_completed_successfully" });
      expect(deps.redis, name).toEqual({ condition: "service_healthy" });
      const env = services[name]?.environment as Map;
      expect(env.DATABASE_URL, name).toMatch(/^postgres:\/\/.+@postgres:5432\//);
      expect(env.REDIS_URL, name).toBe("redis://redis:6379");
    }
  });

  it("lets workers scale: no container name, no published ports, time to drain", () => {
    const worker = services.worker as Map;
    expect(worker.container_name).toBeUndefined();
    expect(worker.ports).toBeUndefined();
    expect(worker.stop_grace_period).toMatch(/^\d+s$/);
  });

  it("rejects malformed YAML", () => {
    expect(() => parseYamlSubset("services:\n   web:\n")).toThrow(/indentation/);
    expect(() => parseYamlSubset("a:\n\tb: 1\n")).toThrow(/tab/);
    expect(() => parseYamlSubset("a: 1\na: 2\n")).toThrow(/duplicate/);
  });
});
