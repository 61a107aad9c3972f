// Spawns queue-mode roles as real child processes through the test entry (which accepts short lock settings).
import { spawnNode, type NodeProcess } from "../../support/sim/processes.ts";

export { waitFor } from "../../support/sim/processes.ts";

export interface RoleProcess extends NodeProcess {
  role: string;
}

export function spawnRole(role: "scheduler" | "worker", env: Record<string, string>): RoleProcess {
  return { ...spawnNode("tests/support/sim/role.ts", [role], env), role };
}
