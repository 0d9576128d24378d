// What the bot quotes from outside (a paper's title from Hugging Face) reads in Slack as written: no
// @channel or user mention made of it, in the blocks and in the notification text alike.
import { expect, it } from "vitest";
import { renderDiscussion } from "../../src/adapters/slack/render-discussion.ts";
import { discussionStarter } from "../../src/core/messages/discussion.ts";

const paper = { id: "2503.00001", arxivId: "2503.00001", title: "<!channel> Attention & <@U0BOSS> | pipes > stuff", summary: "An abstract.",
  authors: [], keywords: [], githubRepo: null, publishedAt: null, upvotes: 1 };

it("a discussion's notification text escapes the title as its blocks do", () => {
  const message = renderDiscussion(discussionStarter(paper, "U0KIM"));
  expect(message.text).toBe("Discussion of “&lt;!channel&gt; Attention &amp; &lt;@U0BOSS&gt; | pipes &gt; stuff”, started by <@U0KIM>");
  expect(JSON.stringify(message.blocks)).not.toMatch(/<!channel>|<@U0BOSS>/);
});
