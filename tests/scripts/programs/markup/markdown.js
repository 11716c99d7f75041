// A little of Markdown, the way the converters of the time were written: RegExp.$1 after a
// test, and a regular expression called as a function (V8 allowed it until 2011).
var heading = /^(#{1,6})\s+(.*)$/,
    bullet = /^\s*[*-]\s+(.*)$/;

function inline(text) {
  return text.replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")
             .replace(/\*(.+?)\*/g, "<em>$1</em>")
             .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '<a href="$2">$1</a>');
}

exports.toHTML = function (text) {
  var html = [], inList = false;
  text.split("\n").forEach(function (line) {
    var item = bullet(line);
    if (inList && !item) {
      html.push("</ul>");
      inList = false;
    }
    if (item) {
      if (!inList) html.push("<ul>");
      inList = true;
      html.push("<li>" + inline(item[1]) + "</li>");
    } else if (heading.test(line)) {
      var level = RegExp.$1.length;
      html.push("<h" + level + ">" + inline(RegExp.$2) + "</h" + level + ">");
    } else if (line.trimLeft() !== "") {
      html.push("<p>" + inline(line.trimLeft()) + "</p>");
    }
  });
  if (inList) html.push("</ul>");
  return html.join("\n");
};
