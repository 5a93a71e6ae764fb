import { payoutNetwork } from '../mastra/networks/payout-network';

async function main() {
  const result = await payoutNetwork.loop('Why is the payout for merchant m_2041 still pending?');
  console.log(result);
}

main();
