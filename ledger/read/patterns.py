"""Page furniture, comment-section markers and opinion headings, as data.

Every pattern is matched with ``fullmatch`` against one stripped line, case-insensitively, and
only on lines of at most :data:`MAX_FURNITURE_WORDS` words (a paragraph is never furniture).
Add to these tuples when an outlet's page chrome gets through; keep them general (no outlet
names unless the phrase is page chrome everywhere, like "Getty Images").
"""

from __future__ import annotations

import re

from ledger import rx


def _compile(*patterns: str) -> tuple[re.Pattern[str], ...]:
    return tuple(rx.compile(p, re.I) for p in patterns)


MAX_FURNITURE_WORDS = 30

_SOCIAL = (
    r"(?:facebook|twitter|x|linkedin|whatsapp|e-?mail|print|reddit|telegram|pinterest"
    r"|flipboard|threads|bluesky|copy(?: the)? link|copied|share|tweet)"
)

#: Lines that open a reader-comment section (and are furniture themselves).
COMMENT_MARKERS = _compile(
    r"notify of",
    r"(?:oldest\s+)?newest\s+most\s+voted",
    r"inline feedbacks?",
    r"view all(?: \d+)? comments",
    r"(?:show|load|see|read|view)(?: all| the)?(?: \d+)? (?:comments|replies)",
    r"leave a (?:reply|comment|response)",
    r"(?:post|add|write|submit) (?:a |your )?comment",
    r"(?:\d+|no|one|two|three) (?:comments?|responses?|replies|thoughts)(?: on .{0,120})?",
    r"comments(?: \(\d+\))?:?",
    r"(?:reader|user|readers'?|users'?) comments(?: \(\d+\)|:? \d+)?:?",
    r"join the (?:discussion|conversation|debate)",
    r"comments are closed\.?",
    # forum threads (XenForo, vBulletin): a quoted post, a reply button
    r"click to expand\.*…?",
    r"reply(?: to this (?:post|comment))?",
    r"your email address will not be published\.?.*",
)

#: Lines that are page furniture wherever they stand.
FURNITURE = _compile(
    # browser and script warnings
    r"(?:ie|internet explorer)\s*\d*\s+is not supported\b.*",
    r".*\byour browser (?:is|does not|doesn't|isn't|is not)\b.*",
    r"(?:please\s+)?(?:enable|turn on) javascript\b.*",
    r"javascript is (?:disabled|required|not enabled)\b.*",
    r"(?:upgrade|update) your browser\b.*",
    r"for (?:an optimal|the best) experience\b.*",
    # images and credits
    r"(?:(?:header|featured|cover|lead|top|main)\s+)?(?:image|photo|photograph|picture|video"
    r"|graphic|illustration)s?(?:\s+(?:credit|courtesy|source|by))?\s*[:|].*",
    r"(?:image|photo|picture)s?\s+(?:credit|courtesy|by)\b.*",
    r"credits?\s*:.*",
    r"\(?(?:getty images|ap photo|reuters|afp|epa(?:-efe)?|shutterstock|alamy)(?:\s*/.*)?\)?",
    r"\((?:ap|afp|reuters|getty|epa|photo|image|file)\b[^()]*\)",
    r"[^\s/]+\.(?:png|jpe?g|gif|webp|svg|bmp|tiff?|avif|heic)(?:\?\S*)?",
    # newsletters and subscriptions
    r"sign up (?:to|for)\b.*",
    r"subscribe\b.{0,80}",
    r"(?:get|receive) (?:our|the)\b.*\bnewsletters?\b.*",
    r"newsletters?(?: sign[- ]?up)?!?",
    # sharing
    _SOCIAL + r"(?:\s*(?:[,|·•/:]\s*)?" + _SOCIAL + r")*:?",
    r"share (?:this|on|via)\b.{0,60}",
    # advertising
    r"advertisements?|advertising|ad|sponsored(?: content)?|promoted(?: content)?",
    r"paid (?:content|post|partner(?:ship)?)",
    r"(?:the )?(?:story|article) continues (?:below|after)\b.*",
    r"continue reading\b.{0,60}",
    r"scroll (?:down )?to continue\b.*",
    r"advertisement\b.{0,60}",
    # links to other pages
    r"related(?: articles?| stories| posts| content| coverage| news| reading| links| topics)?:?",
    r"related(?: articles?| stories| posts| content| coverage| news| reading| links)?:.*",
    r"(?:read|see|watch|listen) (?:more|also|next)(?:\s*[:»›→>].*|\s*\.\.\.|…)?",
    r"(?:also|further) read(?:ing)?:.*",
    r"more (?:from|on|stories|news|in)\b[^.!?]{0,60}",
    r"(?:recommended|trending|most (?:read|popular|viewed|shared)|popular|top stories"
    r"|editor'?s picks?|you (?:may|might) also like|more stories|in case you missed it"
    r"|don'?t miss|latest(?: news| stories)?|what to read next)(?: for you| now)?:?",
    r"(?:tags?|topics?|filed under|categories|category|keywords?)\s*:.*",
    # legal and cookies
    r"(?:copyright\s*)?(?:©|\(c\)).*",
    r"copyright\s+(?:©\s*)?(?:\d{4}|by)\b.*",
    r".*\ball rights reserved\.?",
    r".*\b(?:we|this (?:web)?site|our (?:web)?site) uses? cookies\b.*",
    r"(?:accept|reject|manage|allow)(?: all)? cookies\b.*",
    r"cookie (?:policy|settings|preferences|consent|notice)\b.*",
    r"by (?:continuing|using)(?: to use)? (?:this|our) (?:site|website)\b.*",
    r"privacy policy|terms (?:of (?:use|service)|and conditions)",
    # navigation
    r"follow (?:us|@\w+)\b.{0,60}",
    r"(?:click|tap) here\b.*",
    r"(?:download|get) (?:the|our) app\b.*",
    r"open in app|skip to (?:main )?content|back to top|go to top|menu|search|home",
    r"log ?in|sign ?in|sign ?up|register|close|toggle navigation",
    r"listen to (?:this )?(?:article|story)\b.*",
    r"\d+\s*min(?:ute)?s?\s+read",
    # comment-thread chrome
    r"reply|report(?: comment| abuse)?|like|quote|flag|upvote|downvote|cancel reply",
    r".*\brequired fields are marked\b.*",
    r"click to expand\.*|click to shrink\.*",
    r"(?:log|sign) in to (?:reply|comment)\b.*",
    r"you must be (?:logged|signed) in\b.*",
    r"\d+ (?:likes?|votes?|points?|upvotes?|replies|reactions?)",
    r"(?:\d+|a|an|one) (?:second|minute|hour|day|week|month|year)s? ago",
    r"(?:reply|replying|in reply) to\b.{0,60}",
    r"this (?:thread|discussion) (?:is|has been) closed\b.*",
)

#: Heading words that mark an opinion section by themselves.
OPINION_STRONG = rx.compile(
    r"\b(?:narratives?|opinions?|analys[ie]s|commentar(?:y|ies)|editorials?|viewpoints?"
    r"|perspectives?|op-?eds?|(?:our|my|the) take|hot takes?|point of view|counterpoints?"
    r"|columns?|the case (?:for|against)|what (?:they|people|critics|experts|others|pundits)"
    r"(?:'re| are)? say(?:ing)?)\b",
    re.I,
)

#: Heading words that mark an opinion section only among opinion headings
#: ("Establishment split" after "Nerd narrative").
OPINION_WEAK = rx.compile(
    r"\b(?:split|divided?|divisions?|views?|takes?|reactions?|debate|sides?|spin|angle|consensus"
    r"|bottom line|establishment|left|right|cent(?:er|re)|conservatives?|liberals?"
    r"|progressives?|critics|supporters|skeptics|sceptics|pundits?|nerds?|contrarian)\b",
    re.I,
)
