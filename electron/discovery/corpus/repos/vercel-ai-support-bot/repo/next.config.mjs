/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  experimental: { serverActions: { allowedOrigins: ['help.northwind-pay.example'] } },
};

export default nextConfig;
