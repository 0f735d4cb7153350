"""Byline vocabulary fitted from data: written by `benchmarks/fit_bylines.py`, do not edit.

Source: WCXB text pages of folds 0,1,2, min 2 sites. Each word or phrase is printed so on at least that many sites.
"""

LEAD_PHRASES = frozenset({
    'by', 'posted by', 'written by',
})

NOT_NAME_WORDS = frozenset({
    'about', 'account', 'accounting', 'adventure', 'advertising', 'advice', 'ai', 'all', 'analytics', 'app',
    'apply', 'are', 'article', 'articles', 'back', 'best', 'better', 'book', 'business', 'buy', 'buyer',
    'buying', 'by', 'call', 'case', 'categories', 'center', 'close', 'cloud', 'coach', 'community',
    'computing', 'contact', 'content', 'coordinator', 'corporate', 'course', 'courses', 'culture', 'customer',
    'data', 'demo', 'design', 'development', 'disclosure', 'diversity', 'eat', 'editor', 'educational',
    'electronics', 'email', 'engagement', 'explore', 'facebook', 'financing', 'find', 'fitness', 'food',
    'for', 'free', 'full', 'gallery', 'gear', 'general', 'get', 'gift', 'guide', 'guides', 'health', 'here',
    'homes', 'house', 'how', 'hr', 'human', 'image', 'index', 'info', 'insights', 'instagram', 'insurance',
    'it', 'jobs', 'join', 'key', 'kit', 'latest', 'legal', 'linkedin', 'log', 'login', 'maintenance', 'make',
    'management', 'map', 'me', 'media', 'menu', 'mission', 'mobile', 'more', 'music', 'my', 'navigation',
    'new', 'news', 'newsletter', 'now', 'nutrition', 'on', 'open', 'options', 'order', 'out', 'outdoor',
    'page', 'paid', 'patient', 'pay', 'payment', 'payroll', 'personal', 'photo', 'pick', 'plan', 'planning',
    'podcast', 'policies', 'policy', 'portal', 'post', 'posts', 'press', 'pricing', 'print', 'privacy',
    'products', 'professional', 'program', 'programs', 'project', 'public', 'read', 'real', 'remodeling',
    'request', 'resource', 'resources', 'reviews', 'rss', 'saves', 'schedule', 'science', 'search', 'select',
    'senior', 'service', 'services', 'share', 'shop', 'shopping', 'sign', 'software', 'start', 'started',
    'store', 'stories', 'story', 'strategy', 'student', 'studies', 'style', 'success', 'support', 'systems',
    'table', 'takeaways', 'talk', 'tech', 'this', 'time', 'tiny', 'tips', 'to', 'today', 'tools', 'tours',
    'training', 'travel', 'treatments', 'trial', 'trip', 'twitter', 'understanding', 'up', 'us', 'wedding',
    'what', 'where', 'who', 'with', 'work', 'works', 'writer', 'you', 'your', 'youtube',
})
