type ServerConfig = { command: string; args: string[]; env?: Record<string, string> };

/** The servers the bot's agent gets: our comment server, and GitHub's when the token allows it. */
export function buildMcpServers(githubToken: string): Record<string, ServerConfig> {
  const servers: Record<string, ServerConfig> = {};
  servers.github_comment = {
    command: "node",
    args: [`${process.env.GITHUB_ACTION_PATH}/src/comment-server.ts`],
    env: { GITHUB_TOKEN: githubToken },
  };
  servers.github = {
    command: "docker",
    args: ["run", "-i", "--rm", "-e", "GITHUB_PERSONAL_ACCESS_TOKEN", "ghcr.io/github/github-mcp-server:sha-7aced2b"],
    env: { GITHUB_PERSONAL_ACCESS_TOKEN: githubToken },
  };
  return servers;
}
