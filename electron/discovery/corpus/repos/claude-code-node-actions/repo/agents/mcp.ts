export function mcpServersFor(token: string | undefined) {
  return {
    github: {
      type: 'http' as const,
      url: 'https://api.githubcopilot.com/mcp/',
      headers: { Authorization: `Bearer ${token ?? ''}` },
    },
  };
}
