// What our contract builders hand to publishWithAck: a kafkajs Message with text key, value and headers.
export interface OutgoingMessage {
  readonly key: string;
  readonly value: string;
  readonly headers: Readonly<Record<string, string>>;
}
