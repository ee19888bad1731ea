-- One Slack rate-limit budget for every replica on this database: a 429 with Retry-After that any
-- replica sees holds back every replica's calls to that method (on that channel) until it runs out.
-- docs/RELIABILITY.md §9 "One rate-limit budget for all replicas" says how src/slack/webApi.ts uses it.
--
-- method:  the Web API method the 429 answered (chat.postMessage).
-- channel: the channel of the call it answered; '' holds the method on every channel (a call without
--          a channel, or a limit seen on two channels at once: the method's workspace-wide limit).
-- until:   epoch ms; no call to the method (on the channel) goes out before it.
CREATE TABLE slack_holds (
  method TEXT NOT NULL,
  channel TEXT NOT NULL DEFAULT '',
  until INTEGER NOT NULL,
  PRIMARY KEY (method, channel)
);
