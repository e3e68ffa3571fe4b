// Stripe: the official SDK's constructEvent, with its default tolerance of 300 s.
import Stripe from 'stripe'
import { header } from '../headers.mjs'

const stripe = new Stripe('sk_test_hookcheck')

export default {
  stripe: (c, body) => stripe.webhooks.constructEvent(body, header(c.headers, 'Stripe-Signature') ?? '', c.secret, 300),
}
